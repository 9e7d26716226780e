import type { IncomingHttpHeaders } from 'node:http';
import { CONNECTION_NAMES, type Connection } from './connections';
import type { FaultKind } from './faults';
import type { PresentedClientAuth } from './lifecycle/client-authentication';

/** How the emulator answered a request (for the lifecycle endpoints: HTTP 200 is `accepted`). */
export type RequestOutcome = 'accepted' | 'rejected' | 'faulted';

/** Every endpoint the request log records. */
export const LOGGED_ENDPOINTS = ['signin-by-mobile', 'token', 'revocation', 'introspection', 'userinfo', 'jwks'] as const;

/** The endpoint of a log entry: the sign-in, one of the token lifecycle endpoints, or a JWKS fetch. */
export type LoggedEndpoint = (typeof LOGGED_ENDPOINTS)[number];

/** What a presented token turned out to be. */
export type PresentedTokenKind = 'access_token' | 'refresh_token' | 'unknown';

/**
 * One request as GenAuth received it. Secrets are never kept: the `authorization` header shows only
 * its scheme (`Basic [redacted]`), and `client_secret` and every token in a body show as `[redacted]`.
 */
export interface RequestLogEntry {
  /** Milliseconds since the epoch, when the emulator decided the answer. */
  readonly at: number;
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  /** The request headers as received (lower-case names), `authorization` redacted. */
  readonly headers: IncomingHttpHeaders;
  /**
   * The parsed JSON body of a sign-in (undefined when it was not JSON or too large), or the form
   * parameters of a lifecycle request (repeated names as arrays); secrets redacted.
   */
  readonly body: unknown;
  readonly outcome: RequestOutcome;
  /** The envelope's `statusCode`; null when no envelope was sent (a reset, a hang, a broken body). */
  readonly statusCode: number | null;
  /** The envelope's `apiCode`, when it had one. */
  readonly apiCode?: number;
  /** The HTTP status sent; null when no answer was sent. */
  readonly httpStatus: number | null;
  readonly requestId: string;
  /** The body's `connection`, when it was one of the 32. */
  readonly connection?: Connection;
  /** The injected fault, if any (`latency` answers normally, so its outcome is not `faulted`). */
  readonly fault?: FaultKind;
  /** Which endpoint was called. */
  readonly endpoint: LoggedEndpoint;
  /** The application, when the request named one (for userinfo: the app the token was issued to). */
  readonly appId?: string;
  /** How the client authenticated, as it presented itself (sign-in, token, revocation, introspection). */
  readonly clientAuthMethod?: PresentedClientAuth;
  /** The OAuth `error` of a failed lifecycle request (`invalid_grant`, `invalid_client`, …). */
  readonly error?: string;
  /** Lifecycle requests: what the presented token was (`unknown` also for a revoked or expired one). */
  readonly tokenKind?: PresentedTokenKind;
  /** The `jti` of the access token presented or issued. */
  readonly jti?: string;
  /** The emulator's internal id of the grant (login session) the token belongs to. */
  readonly grantId?: string;
}

/** An entry as handed to `record()`: without an endpoint it is a sign-in. */
export type RequestLogInput = Omit<RequestLogEntry, 'endpoint'> & { readonly endpoint?: LoggedEndpoint };

/** Counters of one endpoint. */
export interface EndpointStats {
  received: number;
  accepted: number;
  rejected: number;
  faulted: number;
}

/** Per-connection counters. */
export interface ConnectionStats {
  accepted: number;
  rejected: number;
}

/** Counters since start (or the last reset); they are never capped. */
export interface EmulatorStats {
  /** Sign-in requests answered or faulted: always `accepted + rejected + faulted` (sign-in only). */
  received: number;
  accepted: number;
  rejected: number;
  faulted: number;
  /** Every connection, zero when unused. */
  byConnection: Record<Connection, ConnectionStats>;
  /** Requests for either JWKS path. */
  jwksRequests: number;
  /** Requests for the discovery document. */
  discoveryRequests: number;
  /** Every logged endpoint, zero when unused (`jwks`: answered JWKS requests, 404s included). */
  byEndpoint: Record<LoggedEndpoint, EndpointStats>;
}

function zeroByConnection(): Record<Connection, ConnectionStats> {
  return Object.fromEntries(CONNECTION_NAMES.map((name) => [name, { accepted: 0, rejected: 0 }])) as Record<Connection, ConnectionStats>;
}

function zeroByEndpoint(): Record<LoggedEndpoint, EndpointStats> {
  return Object.fromEntries(LOGGED_ENDPOINTS.map((name) => [name, { received: 0, accepted: 0, rejected: 0, faulted: 0 }])) as Record<
    LoggedEndpoint,
    EndpointStats
  >;
}

/** The sign-in request log (bounded, oldest dropped) and the counters (unbounded). */
export class RequestLog {
  readonly #max: number;
  #entries: RequestLogEntry[] = [];
  #stats: EmulatorStats = RequestLog.#zero();
  readonly #listeners = new Set<(entry: RequestLogEntry) => void>();

  constructor(maxEntries: number) {
    this.#max = maxEntries;
  }

  static #zero(): EmulatorStats {
    return {
      received: 0,
      accepted: 0,
      rejected: 0,
      faulted: 0,
      byConnection: zeroByConnection(),
      jwksRequests: 0,
      discoveryRequests: 0,
      byEndpoint: zeroByEndpoint(),
    };
  }

  /** Records one request (a sign-in unless `endpoint` says otherwise). */
  record(input: RequestLogInput): void {
    const entry: RequestLogEntry = input.endpoint === undefined ? { ...input, endpoint: 'signin-by-mobile' } : (input as RequestLogEntry);
    const stats = this.#stats;
    const endpoint = stats.byEndpoint[entry.endpoint];
    endpoint.received += 1;
    endpoint[entry.outcome] += 1;
    if (entry.endpoint === 'signin-by-mobile') {
      stats.received += 1;
      stats[entry.outcome] += 1;
      if (entry.connection !== undefined && entry.outcome !== 'faulted') stats.byConnection[entry.connection][entry.outcome] += 1;
    }
    for (const listener of this.#listeners) listener(entry);
    if (this.#max === 0) return;
    this.#entries.push(entry);
    // Trim in batches so that a full log costs amortized O(1) per request, not a shift each time.
    if (this.#entries.length >= this.#max * 2) this.#entries = this.#entries.slice(-this.#max);
  }

  /** Calls `listener` with every entry as it is recorded (the dashboard's live view); returns the unsubscribe. */
  subscribe(listener: (entry: RequestLogEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Counts a JWKS or discovery request. */
  countMetadata(kind: 'jwksRequests' | 'discoveryRequests'): void {
    this.#stats[kind] += 1;
  }

  /** A copy of the newest entries (at most the cap), newest last; only those of `endpoints` when given. */
  entries(endpoints?: ReadonlySet<LoggedEndpoint>): readonly RequestLogEntry[] {
    const newest = this.#entries.length > this.#max ? this.#entries.slice(-this.#max) : this.#entries.slice();
    return endpoints === undefined ? newest : newest.filter((entry) => endpoints.has(entry.endpoint));
  }

  /** A snapshot of the counters. */
  stats(): EmulatorStats {
    return structuredClone(this.#stats);
  }

  /** Forgets every entry and zeroes the counters. */
  reset(): void {
    this.#entries = [];
    this.#stats = RequestLog.#zero();
  }
}
