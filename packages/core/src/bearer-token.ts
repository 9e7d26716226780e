import type { BearerTokenLocation } from './bearer-options';
import { AccessTokenError } from './errors';
import { own } from './extract-credentials';
import type { GenAuthRequest } from './request';

/** RFC 6750 §2.1 b64token. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

function fromHeader(req: GenAuthRequest): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^(\S+)(?:[ ]+(.*))?$/.exec(header.trim());
  // Another scheme (Basic, a gateway's own) is not ours to read.
  if (!match || match[1]!.toLowerCase() !== 'bearer') return undefined;
  const value = (match[2] ?? '').trim();
  if (value === '') return undefined;
  if (!B64TOKEN.test(value)) throw new AccessTokenError('invalid_request', 'The Authorization header is not "Bearer <token>"');
  return value;
}

function isForm(req: GenAuthRequest): boolean {
  const type = req.headers['content-type'];
  return typeof type === 'string' && type.split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The access token of a request, from the allowed locations: `Authorization: Bearer`, and only when
 * opted in the form-urlencoded body's or the query's `access_token` (RFC 6750 §2). `undefined` when
 * there is none; `invalid_request` (400) for a malformed header or a token sent in more than one way.
 */
export function readBearerToken(req: GenAuthRequest, locations: ReadonlySet<BearerTokenLocation>): string | undefined {
  const found: string[] = [];
  if (locations.has('header')) {
    const token = fromHeader(req);
    if (token !== undefined) found.push(token);
  }
  if (locations.has('body') && isForm(req)) {
    const token = nonEmpty(own(req.body, 'access_token'));
    if (token !== undefined) found.push(token);
  }
  if (locations.has('query')) {
    const token = nonEmpty(own(req.query, 'access_token'));
    if (token !== undefined) found.push(token);
  }
  if (found.length > 1) throw new AccessTokenError('invalid_request', 'Send the access token in exactly one way (RFC 6750 §2)');
  return found[0];
}
