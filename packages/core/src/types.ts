/** Public data types shared by the client and the strategies. */

/** Client authentication methods GenAuth offers for the token exchange. */
export type TokenEndpointAuthMethod = 'none' | 'client_secret_post' | 'client_secret_basic';

/** Per-login options forwarded to GenAuth as the request's `options` (decided by the server, not the app). */
export interface GenAuthSignInOptions {
  /** Space-separated scopes; must contain `openid`. Add `offline_access` for a refresh token. */
  scope?: string;
  /** Any JSON handed to GenAuth's pipeline. */
  context?: unknown;
  /** The tenant to sign in to. */
  tenantId?: string;
  /** User-defined fields stored on the user. */
  customData?: unknown;
}

/** The tokens GenAuth issued, in camelCase whatever the wire said. */
export interface TokenSet {
  /** GenAuth access token (an RS256 JWT). */
  readonly accessToken: string;
  /** OpenID Connect id_token. */
  readonly idToken: string;
  /** Present when the scope asked for `offline_access`. */
  readonly refreshToken?: string;
  /** Always `'Bearer'` (GenAuth sends either case). */
  readonly tokenType: 'Bearer';
  /** Lifetime of the access token in seconds. */
  readonly expiresIn: number;
  /** When the access token expires, epoch seconds, computed on arrival. */
  readonly expiresAt: number;
  /** The granted scope, when GenAuth says it. */
  readonly scope?: string;
}

/** Claims of a verified id_token. */
export interface IdTokenClaims {
  readonly sub: string;
  readonly iss: string;
  readonly aud: string | readonly string[];
  readonly exp: number;
  readonly iat: number;
  readonly [claim: string]: unknown;
}

/** A Passport-shaped user profile built from the id_token claims. */
export interface GenAuthProfile {
  /** Always `'genauth'`. */
  readonly provider: 'genauth';
  /** The connection the user signed in with (`wechat`, `apple`, …). */
  readonly connection: string;
  /** The alias of the GenAuth application that signed the user in, when the strategy serves a `GenAuthApps`. */
  readonly app?: string;
  /** The GenAuth user id (`sub`). */
  readonly id: string;
  /** A human-readable name: name, nickname, username, email, phone or id, the first one present. */
  readonly displayName: string;
  readonly username?: string;
  readonly name?: { readonly familyName?: string; readonly givenName?: string };
  readonly emails?: ReadonlyArray<{ readonly value: string; readonly verified: boolean }>;
  readonly phoneNumbers?: ReadonlyArray<{ readonly value: string; readonly verified: boolean }>;
  readonly photos?: ReadonlyArray<{ readonly value: string }>;
  /** Every claim of the id_token. */
  readonly _json: IdTokenClaims;
  /** The id_token itself; non-enumerable so storing or logging the profile never leaks it. */
  readonly _raw: string;
}

/** Everything one mobile sign-in produced. */
export interface GenAuthSignIn {
  readonly tokens: TokenSet;
  readonly claims: IdTokenClaims;
  readonly profile: GenAuthProfile;
}

/** One call to `POST /api/v3/signin-by-mobile`. */
export interface SignInByMobileRequest {
  /** The mobile social login type, e.g. `wechat`. */
  connection: string;
  /** Identifier of the identity source configured in the GenAuth console. */
  extIdpConnidentifier: string;
  /** Body key that carries the payload, e.g. `wechatPayload`. */
  payloadKey: string;
  /** The provider credential. */
  payload: Readonly<Record<string, unknown>>;
  /** Per-login options for GenAuth. */
  options?: GenAuthSignInOptions;
  /** Cancels the exchange. */
  signal?: AbortSignal;
  /** The alias of the `GenAuthApps` application the login is for; only reported in diagnostics. */
  app?: string;
}

/* Passport's typings type users as the global `Express.User`; declaring it here lets core type
 * `done` without depending on any @types package, and merges with @types/passport's when present. */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User {}
  }
}
