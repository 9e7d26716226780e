import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { ConfigurationError } from './errors';
import { checkEndpointSecrets, endpointAuthMethodOptions } from './endpoint-auth';
import { describeIssues, PARSED_ONCE } from './format-issues';
import type { TokenEndpointAuthMethod } from './types';

/** How the id_token is checked. */
export interface IdTokenSettings {
  /** Verify signature and claims (default `true`). Turning it off only decodes the claims. */
  verify?: boolean;
  /** Expected `iss` (default `{appHost}/oidc`). */
  issuer?: string;
  /** Where the RS256 keys are (default `{appHost}/oidc/.well-known/jwks.json`). */
  jwksUri?: string;
  /** Allowed clock skew in seconds for `exp`/`iat`/`nbf` (default 30). */
  clockToleranceSec?: number;
  /** Timeout of one JWKS fetch in milliseconds (default 5000). */
  jwksTimeoutMs?: number;
  /**
   * Least time between two JWKS refetches triggered by an unknown `kid` (default 1000 ms). The id_token
   * comes from GenAuth's own answer to our request, never from the mobile app, so a `kid` cannot be
   * forged by a client; a long cooldown only fails every login after a key rotation that happens
   * within it of the previous fetch.
   */
  jwksCooldownMs?: number;
  /**
   * Longest time a fetched key set is used as is (default 600000 ms, 10 minutes): past it the set is
   * refreshed in the background, so a key GenAuth withdrew stops verifying. GenAuth's
   * `cache-control: max-age` may shorten it, never below a minute.
   */
  jwksMaxAgeMs?: number;
}

/** Settings of a `GenAuthClient`. */
export interface GenAuthClientOptions {
  /** The application's domain, e.g. `https://my-app.genauth.ai`. */
  appHost: string;
  /** The application id. */
  appId: string;
  /** The application secret; required by the secret-based methods and by HS256 id_tokens. */
  appSecret?: string;
  /** Client authentication configured for the app in the console (default: `client_secret_post` with a secret, else `none`). */
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
  /** Client authentication of `/oidc/token/introspection`, as configured in the console (default: `tokenEndpointAuthMethod`). */
  introspectionEndpointAuthMethod?: TokenEndpointAuthMethod;
  /** Client authentication of `/oidc/token/revocation`, as configured in the console (default: `tokenEndpointAuthMethod`). */
  revocationEndpointAuthMethod?: TokenEndpointAuthMethod;
  /** Deadline of one sign-in exchange in milliseconds, body included (default 10000). */
  timeoutMs?: number;
  /** Largest response body accepted, in bytes (default 262144). */
  maxResponseBytes?: number;
  /** An undici (7 or later) dispatcher to send through (a proxy agent, a MockAgent); default: a keep-alive pool owned by the client. */
  dispatcher?: Dispatcher;
  /** id_token verification settings. */
  idToken?: IdTokenSettings;
  /** Allow a plain-http `appHost` that is not loopback (never do this in production). */
  allowInsecureHttp?: boolean;
  /** Language of GenAuth's messages, sent as `x-authing-lang` (e.g. `en-US`, `zh-CN`). */
  lang?: string;
  /**
   * Fetch the keys and open the connection to GenAuth as soon as the client is built (default false),
   * so a process that starts under load does not make its first logins wait for the JWKS. Never throws;
   * the result is reported through `client.warmUp()`'s promise and the diagnostics channel.
   */
  warmUp?: boolean;
}

/** Options after validation and defaults. */
export interface ResolvedClientOptions {
  readonly appHost: string;
  readonly appId: string;
  readonly appSecret: string | undefined;
  readonly tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  readonly introspectionEndpointAuthMethod: TokenEndpointAuthMethod;
  readonly revocationEndpointAuthMethod: TokenEndpointAuthMethod;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly dispatcher: Dispatcher | undefined;
  readonly lang: string | undefined;
  readonly warmUp: boolean;
  readonly idToken: Required<Omit<IdTokenSettings, 'verify'>> & { readonly verify: boolean };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The longest delay `setTimeout` honours (2^31 − 1 ms): a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** A timer length option: whole, positive milliseconds that `setTimeout` can honour. */
export const positiveMs = z
  .number()
  .int('must be a whole number of milliseconds')
  .positive('must be positive')
  .max(MAX_TIMER_MS, `must be at most ${MAX_TIMER_MS} ms (the longest timer Node supports)`);

/** A value sent as an HTTP header: visible ASCII and inner spaces only (CR/LF would fail every request later). */
const headerSafe = (what: string) =>
  z.string().regex(/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/, `must be ${what} of printable ASCII characters (it is sent as an HTTP header)`);

/** Keys a strategy accepts inline to build its own client. */
export const CLIENT_OPTION_KEYS = [
  'appHost',
  'appId',
  'appSecret',
  'tokenEndpointAuthMethod',
  'introspectionEndpointAuthMethod',
  'revocationEndpointAuthMethod',
  'timeoutMs',
  'maxResponseBytes',
  'dispatcher',
  'idToken',
  'allowInsecureHttp',
  'lang',
  'warmUp',
] as const;

const clientOptionsSchema = z
  .strictObject({
    appHost: z.string({ error: 'required: the application domain, e.g. https://my-app.genauth.ai' }),
    appId: z.string({ error: 'required: the application id from the GenAuth console' }).min(1, 'must not be empty').pipe(headerSafe('the application id')),
    appSecret: z.string({ error: 'must be a string' }).min(1, 'must not be empty (omit it for a public app)').optional(),
    tokenEndpointAuthMethod: z
      .enum(['none', 'client_secret_post', 'client_secret_basic'], {
        error: "must be 'none', 'client_secret_post' or 'client_secret_basic' (the app's exchange token authentication method)",
      })
      .optional(),
    ...endpointAuthMethodOptions,
    timeoutMs: positiveMs.optional(),
    maxResponseBytes: z.number().int().min(1024, 'must be at least 1024').optional(),
    dispatcher: z
      .custom<Dispatcher>((value) => typeof value === 'object' && value !== null && 'dispatch' in value, {
        error: 'must be an undici Dispatcher (Agent, Pool, ProxyAgent, MockAgent)',
      })
      .optional(),
    idToken: z
      .strictObject({
        verify: z.boolean().optional(),
        issuer: z.string().min(1).optional(),
        jwksUri: z.url({ error: 'must be an absolute URL' }).optional(),
        clockToleranceSec: z.number().min(0).max(300, 'must be at most 300 seconds').optional(),
        jwksTimeoutMs: positiveMs.optional(),
        jwksCooldownMs: z.number().int().min(0).optional(),
        jwksMaxAgeMs: positiveMs.optional(),
      })
      .optional(),
    allowInsecureHttp: z.boolean().optional(),
    warmUp: z.boolean().optional(),
    lang: headerSafe('a language tag such as en-US').optional(),
  })
  .superRefine((options, ctx) => {
    const allowInsecure = options.allowInsecureHttp === true;
    checkHost(options.appHost, allowInsecure, (message) => ctx.addIssue({ code: 'custom', path: ['appHost'], message }));
    const jwksUri = options.idToken?.jwksUri;
    // superRefine also runs when jwksUri already failed its URL check: parse it only if it can be parsed.
    if (jwksUri !== undefined && URL.canParse(jwksUri)) {
      checkTransport(new URL(jwksUri), allowInsecure, (message) => ctx.addIssue({ code: 'custom', path: ['idToken', 'jwksUri'], message }));
    }
    const method = options.tokenEndpointAuthMethod;
    if ((method === 'client_secret_post' || method === 'client_secret_basic') && !options.appSecret) {
      ctx.addIssue({
        code: 'custom',
        path: ['appSecret'],
        message: `required when tokenEndpointAuthMethod is '${method}' (set appSecret, or use 'none' if the app is public)`,
      });
    }
  })
  .superRefine(checkEndpointSecrets);

/** https everywhere but loopback: the JWKS is trusted as much as GenAuth itself, so it follows the same rule. */
function checkTransport(url: URL, allowInsecure: boolean, report: (message: string) => void): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') report('must use https://');
  else if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname) && !allowInsecure) {
    report('must use https:// (plain http is allowed for loopback only; set allowInsecureHttp: true to override)');
  }
}

function checkHost(appHost: string, allowInsecure: boolean, report: (message: string) => void): void {
  if (!URL.canParse(appHost)) {
    report('must be an absolute URL such as https://my-app.genauth.ai');
    return;
  }
  const url = new URL(appHost);
  checkTransport(url, allowInsecure, report);
  // WHATWG URL drops an empty `?` or `#`: look at the text too.
  if (url.search || url.hash || /[?#]/.test(appHost)) report('must not carry a query string or fragment');
  if (url.username || url.password) report('must not carry credentials');
}

/**
 * The application domain as GenAuth writes it in its issuer: WHATWG-normalised (lower-case host,
 * default port dropped), without a trailing slash. A raw `http://LOCALHOST/` would otherwise fail
 * every login on an issuer mismatch.
 */
function normaliseHost(appHost: string): string {
  const url = new URL(appHost);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** Validates client options once, at construction; throws `ConfigurationError` naming every bad option. */
export function resolveClientOptions(input: unknown, context = 'GenAuthClient'): ResolvedClientOptions {
  const parsed = clientOptionsSchema.safeParse(input, PARSED_ONCE);
  if (!parsed.success) {
    const lines = describeIssues(parsed.error.issues);
    throw new ConfigurationError(`Invalid ${context} options:\n  - ${lines.join('\n  - ')}`, lines);
  }
  const options = parsed.data;
  const appHost = normaliseHost(options.appHost);
  const tokenEndpointAuthMethod = options.tokenEndpointAuthMethod ?? (options.appSecret ? 'client_secret_post' : 'none');
  return {
    appHost,
    appId: options.appId,
    appSecret: options.appSecret,
    tokenEndpointAuthMethod,
    introspectionEndpointAuthMethod: options.introspectionEndpointAuthMethod ?? tokenEndpointAuthMethod,
    revocationEndpointAuthMethod: options.revocationEndpointAuthMethod ?? tokenEndpointAuthMethod,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxResponseBytes: options.maxResponseBytes ?? 256 * 1024,
    dispatcher: options.dispatcher,
    lang: options.lang,
    warmUp: options.warmUp === true,
    idToken: {
      verify: options.idToken?.verify ?? true,
      issuer: options.idToken?.issuer ?? `${appHost}/oidc`,
      jwksUri: options.idToken?.jwksUri ?? `${appHost}/oidc/.well-known/jwks.json`,
      clockToleranceSec: options.idToken?.clockToleranceSec ?? 30,
      jwksTimeoutMs: options.idToken?.jwksTimeoutMs ?? 5_000,
      jwksCooldownMs: options.idToken?.jwksCooldownMs ?? 1_000,
      jwksMaxAgeMs: options.idToken?.jwksMaxAgeMs ?? 600_000,
    },
  };
}
