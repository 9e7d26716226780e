import type { IncomingHttpHeaders } from 'node:http';
import { parseBasic } from '../client-auth';

/** The redaction marker of the request log. */
export const REDACTED = '[redacted]';

/** Parameters that are someone's secret: the request log shows them as `[redacted]`. */
const SECRET_PARAMS = new Set(['client_secret', 'token', 'refresh_token', 'access_token', 'code_verifier', 'password']);

/**
 * Takes the secret out of a request's `authorization` header once the request has been answered,
 * before it is logged. In place, so that a log entry keeps the request's own headers object (which
 * the dashboard uses to join an entry to its answer). Basic stays Basic with the client id and
 * `[redacted]` for the secret, so a reader still sees who authenticated and how; any other scheme
 * becomes `<scheme> [redacted]`.
 */
export function redactAuthorization(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const authorization = headers.authorization;
  if (authorization === undefined || authorization.endsWith(REDACTED)) return headers;
  const basic = parseBasic(authorization);
  if (basic !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${basic.id}:${REDACTED}`, 'utf8').toString('base64')}`;
  } else {
    const scheme = authorization.trim().split(/\s+/, 1)[0] ?? '';
    headers.authorization = scheme === '' || scheme === authorization.trim() ? REDACTED : `${scheme} ${REDACTED}`;
  }
  return headers;
}

/** The form as the request log shows it: secrets replaced by `[redacted]`, repeated names as arrays. */
export function redactForm(search: URLSearchParams): Record<string, string | string[]> {
  const shown: Record<string, string | string[]> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name).map((value) => (SECRET_PARAMS.has(name) && value !== '' ? REDACTED : value));
    shown[name] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return shown;
}

/** A sign-in body as the request log shows it: a `client_secret` in it redacted (the provider credential is kept). */
export function redactJsonBody(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('client_secret' in body)) return body;
  return { ...body, client_secret: REDACTED };
}
