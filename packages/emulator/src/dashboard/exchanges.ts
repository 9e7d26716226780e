import type { IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseBasic } from '../client-auth';
import type { RequestLogEntry } from '../request-log';
import type { Observation } from './observer';

/** One exchange as the dashboard lists it (no header or body: those come with the detail). */
export interface ExchangeSummary {
  readonly id: number;
  readonly at: number;
  /** `signin-by-mobile`, `token`, `revocation`, `introspection`, `userinfo`, `jwks`. */
  readonly endpoint: string;
  readonly method: string;
  readonly path: string;
  readonly connection?: string;
  readonly appId?: string;
  /** How the client authenticated itself: `client_secret_basic`, `client_secret_post`, `none`, `bearer` … */
  readonly clientAuth: string;
  readonly outcome: string;
  readonly statusCode: number | null;
  readonly apiCode?: number;
  readonly httpStatus: number | null;
  readonly requestId: string;
  readonly latencyMs?: number;
  readonly fault?: string;
  /** The answer's `message` (or OAuth `error`), never a token. */
  readonly message?: string;
  /** Lifecycle requests: what the presented token was, its `jti`, the grant (login) it belongs to. */
  readonly tokenKind?: string;
  readonly jti?: string;
  readonly grantId?: string;
}

/** An exchange with everything its detail view is built from. */
export interface Exchange {
  readonly summary: ExchangeSummary;
  readonly entry: RequestLogEntry;
  readonly answer?: { readonly httpStatus?: number; readonly contentType?: string; readonly text?: string };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

/** The endpoint of a log entry; an entry from before the log named endpoints is a sign-in. */
export function endpointOf(entry: RequestLogEntry): string {
  return 'endpoint' in entry && typeof entry.endpoint === 'string' ? entry.endpoint : 'signin-by-mobile';
}

/** The app a request named, in GenAuth's order: the app id headers, body `client_id`, the Basic user. */
export function appIdOf(headers: IncomingHttpHeaders, body: unknown): string | undefined {
  const clientId = isRecord(body) && typeof body['client_id'] === 'string' && body['client_id'] !== '' ? body['client_id'] : undefined;
  return (
    firstHeader(headers, 'x-authing-app-id') ?? firstHeader(headers, 'x-genauth-app-id') ?? clientId ?? parseBasic(firstHeader(headers, 'authorization'))?.id
  );
}

/** The client authentication a request used, as it arrived (whatever the app requires). */
export function clientAuthOf(headers: IncomingHttpHeaders, body: unknown): string {
  const authorization = firstHeader(headers, 'authorization');
  const basic = parseBasic(authorization) !== undefined;
  const post = isRecord(body) && typeof body['client_secret'] === 'string';
  if (basic && post) return 'client_secret_basic + client_secret_post';
  if (basic) return 'client_secret_basic';
  if (post) return 'client_secret_post';
  if (authorization !== undefined && /^bearer\s/i.test(authorization)) return 'bearer token';
  return 'none';
}

/** The answer text parsed as JSON, when it is JSON. */
export function parseAnswer(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function messageOf(answer: unknown): string | undefined {
  if (!isRecord(answer)) return undefined;
  for (const key of ['message', 'error_description', 'error']) {
    const value = answer[key];
    if (typeof value === 'string' && value !== '') return value.slice(0, 200);
  }
  return undefined;
}

/** The newest exchanges (at most `max`), each with an id the page asks its detail by. */
export class ExchangeBook {
  readonly #max: number;
  #exchanges: Exchange[] = [];
  #nextId = 1;

  constructor(max = 500) {
    this.#max = max;
  }

  /** Adds a logged request and what was observed of its answer. */
  add(entry: RequestLogEntry, seen: Observation | undefined): Exchange {
    const answer: Exchange['answer'] =
      seen === undefined
        ? undefined
        : {
            ...(seen.httpStatus === undefined ? {} : { httpStatus: seen.httpStatus }),
            ...(seen.contentType === undefined ? {} : { contentType: seen.contentType }),
            ...(seen.text === undefined ? {} : { text: seen.text }),
          };
    const parsed = parseAnswer(seen?.text);
    const appId = entry.appId ?? appIdOf(entry.headers, entry.body);
    const endpoint = endpointOf(entry);
    const message = messageOf(parsed);
    const summary: ExchangeSummary = {
      id: this.#nextId++,
      at: entry.at,
      endpoint,
      method: entry.method,
      path: entry.path,
      ...(entry.connection === undefined ? {} : { connection: entry.connection }),
      ...(appId === undefined ? {} : { appId: appId.slice(0, 64) }),
      clientAuth: endpoint === 'jwks' ? '—' : (entry.clientAuthMethod ?? clientAuthOf(entry.headers, entry.body)),
      outcome: entry.outcome,
      statusCode: entry.statusCode,
      ...(entry.apiCode === undefined ? {} : { apiCode: entry.apiCode }),
      httpStatus: entry.httpStatus,
      requestId: entry.requestId,
      ...(seen === undefined ? {} : { latencyMs: Math.max(0, Math.round((seen.finishedAt ?? performance.now()) - seen.startedAt)) }),
      ...(entry.fault === undefined ? {} : { fault: entry.fault }),
      ...(message === undefined ? {} : { message }),
      ...(entry.tokenKind === undefined ? {} : { tokenKind: entry.tokenKind }),
      ...(entry.jti === undefined ? {} : { jti: entry.jti }),
      ...(entry.grantId === undefined ? {} : { grantId: entry.grantId }),
    };
    const exchange: Exchange = { summary, entry, ...(answer === undefined ? {} : { answer }) };
    this.#exchanges.push(exchange);
    if (this.#exchanges.length >= this.#max * 2) this.#exchanges = this.#exchanges.slice(-this.#max);
    return exchange;
  }

  /** The exchange with this id, while it is still kept. */
  get(id: number): Exchange | undefined {
    return this.#exchanges.find((exchange) => exchange.summary.id === id);
  }

  /** The newest `count` summaries, newest last. */
  recent(count: number): ExchangeSummary[] {
    return this.#exchanges.slice(-Math.min(count, this.#max)).map((exchange) => exchange.summary);
  }

  /** Forgets every exchange (ids keep counting up). */
  clear(): void {
    this.#exchanges = [];
  }
}
