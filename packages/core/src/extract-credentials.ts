import type { GenAuthRequest } from './request';

/** How to find each credential field in a request. */
export interface ExtractionPlan {
  /** Payload field names to read. */
  readonly fields: readonly string[];
  /** Request name of a field when the app renamed it (`{ code: 'authCode' }`). */
  readonly renames: Readonly<Record<string, string>>;
  /** The field that may come as `Authorization: Bearer …`. */
  readonly bearerField: string | undefined;
}

/** `source[key]` when `source` is an object holding `key` itself; never a prototype's property. */
export function own(source: unknown, key: string): unknown {
  if (typeof source !== 'object' || source === null) return undefined;
  return Object.prototype.hasOwnProperty.call(source, key) ? (source as Record<string, unknown>)[key] : undefined;
}

function bearerToken(req: GenAuthRequest): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * Reads each field from the JSON/form body, then the query string, then a header of the same name
 * (lower-cased), then `Authorization: Bearer` for the provider's token field. Only own properties are
 * read, so `__proto__` and friends are never looked at; `''` counts as absent.
 */
export function extractCredentials(req: GenAuthRequest, plan: ExtractionPlan): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of plan.fields) {
    const name = plan.renames[field] ?? field;
    let value = own(req.body, name);
    if (value === undefined || value === '') value = own(req.query, name);
    if (value === undefined || value === '') value = req.headers[name.toLowerCase()];
    if ((value === undefined || value === '') && field === plan.bearerField) value = bearerToken(req);
    if (value !== undefined && value !== '') values[field] = value;
  }
  return values;
}
