import { z } from 'zod';
import type { FormAuthentication } from './endpoint-auth';
import { InvalidResponseError } from './errors';
import { postForm, requireToken, type OidcContext } from './oidc-request';
import type { TokenCallOptions } from './revocation';

/** What GenAuth says about a token (contract §4), in camelCase. */
export type IntrospectionResult =
  | { readonly active: false }
  | {
      readonly active: true;
      readonly sub: string;
      readonly clientId: string;
      readonly exp: number;
      readonly iat: number;
      readonly iss: string;
      readonly jti: string;
      readonly scope: string;
      /** `Bearer` for an access token; absent for a refresh token. */
      readonly tokenType?: string;
    };

const activeAnswer = z.object({
  active: z.literal(true),
  sub: z.string().min(1),
  client_id: z.string().min(1),
  exp: z.number(),
  iat: z.number(),
  iss: z.string(),
  jti: z.string().min(1),
  scope: z.string(),
  token_type: z.string().nullish(),
});

/**
 * `POST /oidc/token/introspection` (contract §4): `{ active: false }` for anything unknown, expired,
 * revoked or malformed; the token's facts when active. An active answer without them is an invalid
 * response (a caller must never treat a half answer as active).
 */
export async function introspectToken(
  context: OidcContext,
  authenticate: FormAuthentication,
  token: string,
  options: TokenCallOptions,
): Promise<IntrospectionResult> {
  const presented = requireToken(token, 'token');
  const json = await postForm(context, { path: '/token/introspection', what: 'introspection', token: presented, signal: options.signal }, authenticate, {
    token: presented,
    token_type_hint: options.tokenTypeHint,
  });
  if (json.active === false) return { active: false };
  const answer = activeAnswer.safeParse(json);
  if (!answer.success) throw new InvalidResponseError("GenAuth's introspection answer is neither inactive nor a valid active token");
  const { sub, client_id: clientId, exp, iat, iss, jti, scope, token_type: tokenType } = answer.data;
  return { active: true, sub, clientId, exp, iat, iss, jti, scope, ...(tokenType ? { tokenType } : {}) };
}
