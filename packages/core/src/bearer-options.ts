import { z } from 'zod';
import type { AccessTokenClaims, VerifyAccessTokenOptions } from './access-token';
import { GenAuthClient } from './client';
import { CLIENT_OPTION_KEYS, resolveClientOptions, type GenAuthClientOptions } from './client-options';
import { clientSourceOf, type ClientSource } from './client-source';
import { ConfigurationError } from './errors';
import { PARSED_ONCE, STRATEGY_SPELLING_HINTS, describeIssues } from './format-issues';
import { isGenAuthApps, type GenAuthApps } from './genauth-apps';
import type { IntrospectionResult } from './introspection';
import { IntrospectionCache } from './introspection-cache';
import type { TokenCallOptions } from './revocation';
import { isQuotable } from './www-authenticate';

/** What the bearer strategy needs from a client: a `GenAuthClient`, or a test double. */
export interface BearerClient {
  verifyAccessToken(token: string, options?: VerifyAccessTokenOptions): Promise<AccessTokenClaims>;
  introspect(token: string, options?: TokenCallOptions): Promise<IntrospectionResult>;
}

/** Where an access token may come from (RFC 6750 §2): the header always; the form body and query only when allowed. */
export type BearerTokenLocation = 'header' | 'body' | 'query';

/** Options of `GenAuthBearerStrategy`, besides how it reaches GenAuth. */
export interface GenAuthBearerCommonOptions {
  /** Strategy name for `passport.authenticate(name)`; default `genauth-bearer`. */
  name?: string;
  /** The `realm` of the `WWW-Authenticate: Bearer` challenge; default `api`. */
  realm?: string;
  /** Scopes every request must carry; a route may require more with `authenticate(name, { scopes })`. */
  scopes?: readonly string[];
  /**
   * Where the token may be: default `['header']` (`Authorization: Bearer`). RFC 6750's `'body'`
   * (`access_token` in a form-urlencoded body) and `'query'` (`?access_token=`: lands in logs) are opt-ins.
   */
  tokenLocations?: readonly BearerTokenLocation[];
  /** Also ask GenAuth (introspection) so a revoked token is refused before its `exp`; default `false`. */
  introspect?: boolean;
  /** Longest reuse of an introspection answer per token `jti`, never past `exp` (default 5000 ms; 0: ask every time). */
  introspectCacheMs?: number;
  /** Most introspection answers kept (default 10000). */
  introspectCacheSize?: number;
  /** Longest time the app's verify may take (default 30000 ms). */
  verifyTimeoutMs?: number;
}

/**
 * Either a shared `client` (or a `GenAuthApps` registry: the request selects the app, whose client then
 * verifies the token against its own appId), or the client settings inline.
 */
export type BearerClientOptions =
  ({ client: BearerClient | GenAuthApps } & { [K in keyof GenAuthClientOptions]?: never }) | (GenAuthClientOptions & { client?: never });

/** Everything `GenAuthBearerStrategy` accepts (minus `passReqToCallback`, added per overload). */
export type GenAuthBearerStrategyOptions = GenAuthBearerCommonOptions & BearerClientOptions;

/** The immutable configuration the bearer strategy keeps. */
export interface BearerSettings {
  readonly client: BearerClient | GenAuthApps;
  /** The client (and app alias) for a request. */
  readonly clients: ClientSource<BearerClient>;
  readonly name: string;
  readonly realm: string;
  readonly scopes: readonly string[];
  readonly locations: ReadonlySet<BearerTokenLocation>;
  /** Present when the strategy introspects. */
  readonly introspection: IntrospectionCache | undefined;
  readonly passReqToCallback: boolean;
  readonly verifyTimeoutMs: number;
}

/** RFC 6749 §3.3 scope-token: printable ASCII without space, quote or backslash. */
export const scopeToken = z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'must be a scope token (no spaces, quotes or backslashes)');

const ms = z.number().int('must be a whole number of milliseconds');

const bearerSchema = z.strictObject({
  client: z
    .custom<BearerClient | GenAuthApps>((value) => isGenAuthApps(value) || typeof (value as BearerClient | undefined)?.verifyAccessToken === 'function', {
      error: 'must be a GenAuthClient or a GenAuthApps',
    })
    .optional(),
  name: z.string().min(1).optional(),
  realm: z.string().min(1).refine(isQuotable, 'must be printable ASCII without quotes or backslashes').optional(),
  scopes: z.array(scopeToken).optional(),
  tokenLocations: z
    .array(z.enum(['header', 'body', 'query']))
    .min(1, 'must name at least one location')
    .optional(),
  introspect: z.boolean().optional(),
  introspectCacheMs: ms.min(0, 'must be 0 or more (0: ask GenAuth on every request)').max(2_147_483_647).optional(),
  introspectCacheSize: z.number().int().min(1).optional(),
  verifyTimeoutMs: ms.positive().max(2_147_483_647).optional(),
  passReqToCallback: z.boolean().optional(),
  ...Object.fromEntries(CLIENT_OPTION_KEYS.map((key) => [key, z.unknown().optional()])),
});

function clientProblems(inline: Record<string, unknown>): string[] {
  try {
    resolveClientOptions(inline);
    return [];
  } catch (error) {
    if (error instanceof ConfigurationError) return [...error.issues];
    throw error;
  }
}

/** Validates the bearer strategy's options once; throws `ConfigurationError` listing every problem. */
export function resolveBearerSettings(input: unknown, verify: unknown): BearerSettings {
  const parsed = bearerSchema.safeParse(input, PARSED_ONCE);
  const problems = parsed.success ? [] : describeIssues(parsed.error.issues, STRATEGY_SPELLING_HINTS);
  if (typeof verify !== 'function') problems.push('verify: the last constructor argument must be a function (claims, done) => …');
  const given = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const inline = Object.fromEntries(CLIENT_OPTION_KEYS.filter((key) => given[key] !== undefined).map((key) => [key, given[key]]));
  const shared = given.client as BearerClient | GenAuthApps | undefined;
  if (shared && Object.keys(inline).length > 0) {
    problems.push(`pass either client or inline client settings (${Object.keys(inline).join(', ')}), not both`);
  } else if (!shared && Object.keys(inline).length === 0) {
    problems.push('client: required: pass a shared GenAuthClient as client, or appHost, appId (and appSecret) inline');
  } else if (!shared) {
    problems.push(...clientProblems(inline));
  }
  if (given.introspect === true && shared && !isGenAuthApps(shared) && typeof shared.introspect !== 'function') {
    problems.push('introspect: the client has no introspect(); pass a GenAuthClient');
  }
  if (!parsed.success || problems.length > 0) {
    throw new ConfigurationError(`Invalid genauth-bearer strategy options:\n  - ${problems.join('\n  - ')}`, problems);
  }
  const options = parsed.data as GenAuthBearerCommonOptions & { passReqToCallback?: boolean };
  // Built only once everything is valid, so a refused strategy leaves no pool behind.
  const client = shared ?? new GenAuthClient(inline as unknown as GenAuthClientOptions);
  return {
    client,
    clients: clientSourceOf<BearerClient>(client),
    name: options.name ?? 'genauth-bearer',
    realm: options.realm ?? 'api',
    scopes: Object.freeze([...new Set(options.scopes ?? [])]),
    locations: new Set(options.tokenLocations ?? ['header']),
    introspection: options.introspect
      ? new IntrospectionCache({ ttlMs: options.introspectCacheMs ?? 5_000, maxEntries: options.introspectCacheSize ?? 10_000 })
      : undefined,
    passReqToCallback: options.passReqToCallback === true,
    verifyTimeoutMs: options.verifyTimeoutMs ?? 30_000,
  };
}
