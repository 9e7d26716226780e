import passportStrategy from 'passport-strategy';
import type { AccessTokenClaims } from './access-token';
import { runBearer, type GenAuthBearerAuthenticateOptions, type GenAuthBearerFailure } from './bearer-login';
import { resolveBearerSettings, type BearerClient, type BearerSettings, type GenAuthBearerStrategyOptions } from './bearer-options';
import type { VerifyReturn } from './define-strategy';
import { deliverLogin } from './deliver-outcome';
import { observeBearer } from './diagnostics/observe-bearer';
import type { GenAuthApps } from './genauth-apps';
import type { LoginOutcome } from './outcome';
import type { GenAuthRequest } from './request';
import type { VerifyCallback } from './verify';

const SETTINGS = Symbol.for('passport-genauth.bearer-settings');
const VERIFY = Symbol.for('passport-genauth.bearer-verify');

/** `(claims, done)`: call `done`, or return the user (or a promise of it); `false`/`null` refuses (401). */
export type BearerVerifyFunction = (claims: BearerVerifyClaims, done: VerifyCallback) => VerifyReturn;

/** What a bearer verify receives: the verified claims, plus `app` (the alias) when the client is a `GenAuthApps`. */
export type BearerVerifyClaims = AccessTokenClaims & { readonly app?: string };

/** `(req, claims, done)`, with `passReqToCallback: true`; `req` may be annotated with the framework's request type. */
export type BearerVerifyFunctionWithRequest<Req extends GenAuthRequest = GenAuthRequest> = {
  bivarianceHack(req: Req, claims: BearerVerifyClaims, done: VerifyCallback): VerifyReturn;
}['bivarianceHack'];

/** The response Passport leaves on the request (`req.res` under Express). */
interface WithResponse {
  readonly res?: { readonly headersSent?: boolean; setHeader?(name: string, value: string): unknown };
}

/**
 * Passport copies a challenge into `WWW-Authenticate` only when it is a string and only for 401 (so
 * never for 403 `insufficient_scope`), and drops it under `failWithError`'s JSON. The failure stays an
 * object (it becomes `getAuthFailure(req)` and the JSON body) and the strategy sets the header itself
 * on the response Passport's framework attached to the request, for every failure.
 */
function setChallenge(req: GenAuthRequest, outcome: LoginOutcome): void {
  if (outcome.type !== 'fail') return;
  const res = (req as WithResponse).res;
  if (res && typeof res.setHeader === 'function' && !res.headersSent) {
    res.setHeader('WWW-Authenticate', (outcome.challenge as GenAuthBearerFailure).wwwAuthenticate);
  }
}

/**
 * Protects API routes with GenAuth access tokens (`genauth-bearer`): reads `Authorization: Bearer`,
 * verifies the token offline with `client.verifyAccessToken` (and, with `introspect`, asks GenAuth so
 * a revoked token is refused), checks the required scopes, then calls the app's verify. Outcomes follow
 * RFC 6750: no token → 401 `Bearer realm="…"`; a bad token → 401 `error="invalid_token"`; a missing
 * scope → 403 `error="insufficient_scope"`; GenAuth unreachable while introspecting → error (502/504).
 */
export class GenAuthBearerStrategy extends passportStrategy.Strategy {
  /** The name to use in `passport.authenticate(name)`. */
  name: string;
  declare private readonly [SETTINGS]: BearerSettings;
  declare private readonly [VERIFY]: (...args: never[]) => unknown;

  constructor(options: GenAuthBearerStrategyOptions & { passReqToCallback?: false }, verify: BearerVerifyFunction);
  constructor(options: GenAuthBearerStrategyOptions & { passReqToCallback: true }, verify: BearerVerifyFunctionWithRequest);
  constructor(options: unknown, verify: unknown) {
    super();
    const settings = resolveBearerSettings(options, verify);
    this.name = settings.name;
    // Non-enumerable: inherited by Passport's per-request copies, invisible to JSON and logs.
    Object.defineProperty(this, SETTINGS, { value: Object.freeze(settings) });
    Object.defineProperty(this, VERIFY, { value: verify });
  }

  /** The client (or registry) tokens are verified with (call `close()` on it at shutdown). */
  get client(): BearerClient | GenAuthApps {
    return this[SETTINGS].client;
  }

  /** Runs one protected request without Passport and resolves with its outcome (framework adapters, tests). */
  login(req: GenAuthRequest, options?: GenAuthBearerAuthenticateOptions): Promise<LoginOutcome> {
    const settings = this[SETTINGS];
    return observeBearer(settings, req, (observer) => runBearer(settings, this[VERIFY], req, options, observer));
  }

  /** Passport's entry point. */
  override authenticate(req: GenAuthRequest, options?: GenAuthBearerAuthenticateOptions): void {
    const login = this.login(req, options).then((outcome) => {
      try {
        setChallenge(req, outcome);
      } catch {
        // A response that refuses headers still gets the failure itself (status and JSON).
      }
      return outcome;
    });
    deliverLogin(this, req, login);
  }

  /** Safe to log. */
  toJSON(): Record<string, unknown> {
    const { name, realm, scopes, introspection } = this[SETTINGS];
    return { name, realm, scopes, introspect: introspection !== undefined };
  }
}
