import type { ServerResponse } from 'node:http';

/** The OAuth `error` codes the lifecycle endpoints answer. */
export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope' | 'invalid_token';

/** An OAuth-shaped failure (`{ error, error_description }`), not GenAuth's V3 envelope. */
export interface OAuthError {
  readonly status: 400 | 401 | 405;
  readonly error: OAuthErrorCode;
  /** Never holds a secret or a token. */
  readonly description: string;
  readonly wwwAuthenticate?: string;
}

/** Builds an OAuth error. */
export function oauthError(status: OAuthError['status'], error: OAuthErrorCode, description: string, wwwAuthenticate?: string): OAuthError {
  return wwwAuthenticate === undefined ? { status, error, description } : { status, error, description, wwwAuthenticate };
}

/** True for an OAuthError (as opposed to the success value of a step). */
export function isOAuthError(value: unknown): value is OAuthError {
  return typeof value === 'object' && value !== null && 'error' in value && 'status' in value && 'description' in value;
}

/** How an answer is cached: token, introspection and userinfo answers must never be. */
export interface AnswerOptions {
  readonly noStore: boolean;
  readonly requestId: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Sends a JSON answer (`null` body: an empty 200, as revocation answers). */
export function sendOAuthJson(res: ServerResponse, status: number, body: unknown, options: AnswerOptions): void {
  const text = body === null ? '' : JSON.stringify(body);
  const headers: Record<string, string | number> = { 'x-request-id': options.requestId, 'content-length': Buffer.byteLength(text) };
  if (body !== null) headers['content-type'] = 'application/json; charset=utf-8';
  if (options.noStore) {
    headers['cache-control'] = 'no-store';
    headers['pragma'] = 'no-cache';
  }
  Object.assign(headers, options.headers);
  res.writeHead(status, headers).end(text);
}

/** Sends an OAuth error with its `WWW-Authenticate` challenge when it has one. */
export function sendOAuthError(res: ServerResponse, failure: OAuthError, options: AnswerOptions): void {
  const headers: Record<string, string> = { ...options.headers };
  if (failure.wwwAuthenticate !== undefined) headers['www-authenticate'] = failure.wwwAuthenticate;
  sendOAuthJson(res, failure.status, { error: failure.error, error_description: failure.description }, { ...options, headers });
}
