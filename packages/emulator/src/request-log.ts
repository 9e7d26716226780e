import type { IncomingHttpHeaders } from 'node:http';
import { CONNECTION_NAMES, type Connection } from './connections';
import type { FaultKind } from './faults';

/** How the emulator answered a sign-in request. */
export type RequestOutcome = 'accepted' | 'rejected' | 'faulted';

/** One sign-in request as GenAuth received it. */
export interface RequestLogEntry {
  /** Milliseconds since the epoch, when the emulator decided the answer. */
  readonly at: number;
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  /** The request headers as received (lower-case names, nothing redacted). */
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when it was not JSON (or too large). */
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
}

/** Per-connection counters. */
export interface ConnectionStats {
  accepted: number;
  rejected: number;
}

/** Counters since start (or the last reset); they are never capped. */
export interface EmulatorStats {
  /** Sign-in requests answered or faulted: always `accepted + rejected + faulted`. */
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
}

function zeroByConnection(): Record<Connection, ConnectionStats> {
  return Object.fromEntries(CONNECTION_NAMES.map((name) => [name, { accepted: 0, rejected: 0 }])) as Record<
    Connection,
    ConnectionStats
  >;
}

/** The sign-in request log (bounded, oldest dropped) and the counters (unbounded). */
export class RequestLog {
  readonly #max: number;
  #entries: RequestLogEntry[] = [];
  #stats: EmulatorStats = RequestLog.#zero();

  constructor(maxEntries: number) {
    this.#max = maxEntries;
  }

  static #zero(): EmulatorStats {
    return { received: 0, accepted: 0, rejected: 0, faulted: 0, byConnection: zeroByConnection(), jwksRequests: 0, discoveryRequests: 0 };
  }

  /** Records one sign-in request. */
  record(entry: RequestLogEntry): void {
    const stats = this.#stats;
    stats.received += 1;
    stats[entry.outcome] += 1;
    if (entry.connection !== undefined && entry.outcome !== 'faulted') stats.byConnection[entry.connection][entry.outcome] += 1;
    if (this.#max === 0) return;
    this.#entries.push(entry);
    // Trim in batches so that a full log costs amortized O(1) per request, not a shift each time.
    if (this.#entries.length >= this.#max * 2) this.#entries = this.#entries.slice(-this.#max);
  }

  /** Counts a JWKS or discovery request. */
  countMetadata(kind: 'jwksRequests' | 'discoveryRequests'): void {
    this.#stats[kind] += 1;
  }

  /** A copy of the newest entries (at most the cap), newest last. */
  entries(): readonly RequestLogEntry[] {
    return this.#entries.length > this.#max ? this.#entries.slice(-this.#max) : this.#entries.slice();
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
