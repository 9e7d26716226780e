import { z } from 'zod';
import type { FormAuthentication } from './endpoint-auth';
import { InvalidResponseError, OAuthRequestError } from './errors';
import { postForm, requireToken, type OidcContext } from './oidc-request';
import type { GenAuthSignIn, TokenSet } from './types';

/** The tokens of a refresh: always a refresh token to store (GenAuth's new one, or the presented one). */
export type RefreshedTokenSet = TokenSet & { readonly refreshToken: string };

/** What `GenAuthClient.refresh` returns: a login's `{ tokens, claims, profile }`, with the refresh token to store. */
export interface GenAuthRefresh extends GenAuthSignIn {
  readonly tokens: RefreshedTokenSet;
}

/** Options of `GenAuthClient.refresh`. */
export interface RefreshOptions {
  /** Ask for a subset of the granted scope (space-separated; must keep `openid`). Default: the grant's scope. */
  readonly scope?: string;
  /** The connection the user signed in with, for the profile (default `''`: a refresh does not say). */
  readonly connection?: string;
  /** Cancels the call. */
  readonly signal?: AbortSignal;
}

const refreshAnswer = z.object({
  access_token: z.string().min(1),
  id_token: z.string().min(1).nullish(),
  refresh_token: z.string().min(1).nullish(),
  token_type: z.string().nullish(),
  expires_in: z.number().nonnegative().nullish(),
  scope: z.string().nullish(),
});

/**
 * `POST /oidc/token` with `grant_type=refresh_token` (contract §2), sent once. The answer's
 * `refresh_token` is kept when GenAuth rotates it; the presented one otherwise (GenAuth's documents
 * disagree on rotation: always store what `tokens.refreshToken` says).
 */
export async function refreshTokens(
  context: OidcContext,
  authenticate: FormAuthentication,
  refreshToken: string,
  options: RefreshOptions,
  nowSeconds: () => number,
): Promise<RefreshedTokenSet> {
  const token = requireToken(refreshToken, 'refreshToken');
  if (options.scope !== undefined && !options.scope.split(' ').includes('openid')) {
    throw new OAuthRequestError('invalid_scope', "refresh scope must keep 'openid' (the id_token is verified like at login)");
  }
  const json = await postForm(context, { path: '/token', what: 'refresh', token, signal: options.signal }, authenticate, {
    grant_type: 'refresh_token',
    refresh_token: token,
    scope: options.scope,
  });
  const answer = refreshAnswer.safeParse(json);
  if (!answer.success) throw new InvalidResponseError("GenAuth's refresh answer is not a valid token set", { responseBody: JSON.stringify(redacted(json)) });
  const data = answer.data;
  if (!data.id_token) throw new InvalidResponseError("GenAuth's refresh answer has no id_token (the grant's scope must include openid)");
  const expiresIn = data.expires_in ?? 0;
  return {
    accessToken: data.access_token,
    idToken: data.id_token,
    refreshToken: data.refresh_token ?? token,
    tokenType: 'Bearer',
    expiresIn,
    expiresAt: nowSeconds() + expiresIn,
    ...(data.scope ? { scope: data.scope } : {}),
  };
}

/** The answer without its tokens, for the non-enumerable `responseBody` of an invalid-answer error. */
function redacted(json: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...json };
  for (const key of ['access_token', 'id_token', 'refresh_token']) if (typeof out[key] === 'string') out[key] = '[redacted]';
  return out;
}
