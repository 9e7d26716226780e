import type { GenAuthRequest } from './request';

/**
 * Where else than the body a strategy may read its credential: each source is an explicit opt-in.
 * The query string allows login CSRF (a cross-site form or link can carry the attacker's own code)
 * and lands long-lived provider tokens in proxy logs; a header read by default would forward an
 * ambient header (a gateway's `Authorization`, an app's own `token`) to GenAuth unasked.
 */
export interface CredentialSources<Field extends string = string> {
  /** Read fields missing from the body from the query string too. Never with cookie sessions. */
  readonly query?: boolean;
  /** Read a field missing from the body from the named request header, e.g. `{ code: 'x-wechat-code' }`. */
  readonly headers?: Readonly<Partial<Record<Field, string>>>;
  /** Read the provider's token field from `Authorization: Bearer <token>` (token providers only). */
  readonly bearer?: boolean;
}

/** How to find each credential field in a request. */
export interface ExtractionPlan {
  /** Payload field names to read. */
  readonly fields: readonly string[];
  /** Request name of a field when the app renamed it (`{ code: 'authCode' }`). */
  readonly renames: Readonly<Record<string, string>>;
  /** The field that may come as `Authorization: Bearer …`, when the strategy opted in. */
  readonly bearerField: string | undefined;
  /** Whether the query string is read after the body. */
  readonly query?: boolean;
  /** Lower-cased header name per field, for fields the strategy reads from a header. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** `source[key]` when `source` is an object holding `key` itself; never a prototype's property. */
export function own(source: unknown, key: string): unknown {
  if (typeof source !== 'object' || source === null) return undefined;
  return Object.prototype.hasOwnProperty.call(source, key) ? (source as Record<string, unknown>)[key] : undefined;
}

/** The token of an `Authorization: Bearer <token>` header, if that is what the header holds. */
export function bearerToken(req: GenAuthRequest): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return match?.[1];
}

const absent = (value: unknown): boolean => value === undefined || value === '';

/**
 * Reads each field from the JSON/form body; then, only where the plan opts in, from the query
 * string, from its named header, and from `Authorization: Bearer` for the provider's token field.
 * Only own properties are read, so `__proto__` and friends are never looked at; `''` counts as absent.
 */
export function extractCredentials(req: GenAuthRequest, plan: ExtractionPlan): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of plan.fields) {
    const name = plan.renames[field] ?? field;
    let value = own(req.body, name);
    if (absent(value) && plan.query) value = own(req.query, name);
    const header = plan.headers?.[field];
    if (absent(value) && header !== undefined) value = req.headers[header];
    if (absent(value) && field === plan.bearerField) value = bearerToken(req);
    if (!absent(value)) values[field] = value;
  }
  return values;
}
