import type { BearerErrorCode } from './errors';

/** What a `WWW-Authenticate: Bearer` challenge says (RFC 6750 §3). */
export interface BearerChallenge {
  readonly realm: string;
  /** Absent when the request carried no token (§3.1: no error code then). */
  readonly error?: BearerErrorCode | undefined;
  readonly description?: string | undefined;
  /** For `insufficient_scope`: the scopes the resource requires. */
  readonly scope?: string | undefined;
}

/** `error_description` and `scope` allow %x20-21 / %x23-5B / %x5D-7E only: no quote, no backslash. */
const QUOTABLE = /^[\x20\x21\x23-\x5B\x5D-\x7E]*$/;

/** True when a value can sit in a challenge's quoted-string as RFC 6750 restricts it. */
export function isQuotable(value: string): boolean {
  return QUOTABLE.test(value);
}

function quotable(value: string): string {
  return value.replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, "'");
}

/** `Bearer realm="api", error="invalid_token", error_description="…", scope="read write"`. */
export function bearerChallenge(challenge: BearerChallenge): string {
  const parts = [`realm="${quotable(challenge.realm)}"`];
  if (challenge.error) parts.push(`error="${challenge.error}"`);
  if (challenge.error && challenge.description) parts.push(`error_description="${quotable(challenge.description)}"`);
  if (challenge.scope) parts.push(`scope="${quotable(challenge.scope)}"`);
  return `Bearer ${parts.join(', ')}`;
}
