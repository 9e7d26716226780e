import {
  AccessTokenError,
  ClientAuthError,
  GrantRejectedError,
  HttpError,
  InvalidResponseError,
  OAuthRequestError,
  UpstreamError,
  type GenAuthError,
} from './errors';
import type { RawResponse } from './response-reader';

/** An OAuth-shaped error answer of GenAuth's `/oidc/*` endpoints (token-lifecycle contract §0). */
interface OAuthErrorBody {
  readonly error: string;
  readonly error_description?: unknown;
}

/** Values a message must never repeat, even when GenAuth's description echoes them. */
export type Secrets = readonly (string | undefined)[];

const MAX_DESCRIPTION = 200;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * GenAuth's description, for the message: descriptions are not stable (and may be localised), so
 * nothing keys on them; shortened, and scrubbed of the token and secret sent with the request.
 */
function describe(body: OAuthErrorBody, secrets: Secrets): string {
  if (typeof body.error_description !== 'string' || body.error_description.trim() === '') return '';
  let text = body.error_description.trim();
  for (const secret of secrets) if (secret) text = text.split(secret).join('[redacted]');
  if (text.length > MAX_DESCRIPTION) text = `${text.slice(0, MAX_DESCRIPTION)}…`;
  return `: ${text}`;
}

/**
 * The typed error for an OAuth-shaped answer, keyed on HTTP status and `error` only:
 * `invalid_grant` → `GrantRejectedError` (401, sign in again); `invalid_client`/`unauthorized_client`
 * → `ClientAuthError` (the operator must act); `invalid_token`/`insufficient_scope` (userinfo) →
 * `AccessTokenError`; `server_error`/`temporarily_unavailable` → `UpstreamError`; any other `error`
 * → `OAuthRequestError` (400).
 */
function oauthError(status: number, body: OAuthErrorBody, text: string, what: string, secrets: Secrets): GenAuthError {
  const said = `${body.error}${describe(body, secrets)}`;
  const details = { responseBody: text };
  switch (body.error) {
    case 'invalid_grant':
      return new GrantRejectedError(`GenAuth refused the refresh token (${said}); sign in again`, details);
    case 'invalid_client':
    case 'unauthorized_client':
      return new ClientAuthError(
        `GenAuth rejected the application at ${what} (${said}). Check appId, appSecret and the endpoint's auth method (tokenEndpointAuthMethod, introspectionEndpointAuthMethod, revocationEndpointAuthMethod).`,
        details,
      );
    case 'invalid_token':
      return new AccessTokenError('invalid_token', `GenAuth refused the access token at ${what} (${said})`);
    case 'insufficient_scope':
      return new AccessTokenError('insufficient_scope', `GenAuth refused the access token at ${what} (${said})`);
    case 'server_error':
    case 'temporarily_unavailable':
      return new UpstreamError(`GenAuth failed at ${what} (${said})`, {
        ...details,
        status: body.error === 'temporarily_unavailable' || status === 503 ? 503 : 502,
      });
    default:
      return new OAuthRequestError(body.error, `GenAuth refused the ${what} request (${said})`, details);
  }
}

/**
 * Reads the answer of an `/oidc/*` endpoint: the JSON object of a 2xx answer (`allowEmpty` for
 * revocation's empty 200), else the typed error. A body that is neither is an invalid response when
 * the status was 2xx and an HTTP failure otherwise (a proxy's or gateway's page).
 */
export function readOAuthResponse(response: RawResponse, what: string, secrets: Secrets, allowEmpty = false): Record<string, unknown> {
  const json = parseJson(response.text);
  const ok = response.status >= 200 && response.status <= 299;
  if (ok) {
    if (isObject(json) && typeof json.error !== 'string') return json;
    if (allowEmpty && response.text.trim() === '') return {};
  }
  if (isObject(json) && typeof json.error === 'string' && json.error !== '') {
    throw oauthError(response.status, json as unknown as OAuthErrorBody, response.text, what, secrets);
  }
  if (!ok) {
    const status = response.status === 503 || response.status === 504 ? response.status : 502;
    throw new HttpError(`GenAuth answered HTTP ${response.status} at ${what} without an OAuth error`, 'status', { status, responseBody: response.text });
  }
  throw new InvalidResponseError(`GenAuth's ${what} answer ${json === undefined ? 'is not JSON' : 'is not a JSON object'}`, { responseBody: response.text });
}
