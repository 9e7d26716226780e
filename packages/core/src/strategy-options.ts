import { z } from 'zod';
import { GenAuthClient } from './client';
import { CLIENT_OPTION_KEYS, positiveMs, resolveClientOptions, type GenAuthClientOptions } from './client-options';
import { ConfigurationError } from './errors';
import { PARSED_ONCE, STRATEGY_SPELLING_HINTS, describeIssues } from './format-issues';
import { clientSourceOf, type ClientSource } from './client-source';
import type { CredentialSources, ExtractionPlan } from './extract-credentials';
import { isGenAuthApps, type GenAuthApps } from './genauth-apps';
import type { Provider } from './provider';
import type { GenAuthRequest } from './request';
import { checkSignInOptions, pickSignInOptions } from './sign-in-options';
import type { GenAuthSignIn, GenAuthSignInOptions, SignInByMobileRequest } from './types';

/** A callback on the request; a method type, so `req` may be annotated with the framework's own request type. */
export type RequestCallback<Req extends GenAuthRequest, Result> = { bivarianceHack(req: Req): Result }['bivarianceHack'];

/** What a strategy needs from a client: anything with `signInByMobile` (a `GenAuthClient`, or a test double). */
export interface SignInClient {
  signInByMobile(request: SignInByMobileRequest): Promise<GenAuthSignIn>;
}

/** Options every GenAuth strategy takes, besides how it reaches GenAuth. */
export interface GenAuthStrategyCommonOptions<Field extends string = string, Req extends GenAuthRequest = GenAuthRequest> extends GenAuthSignInOptions {
  /** Identifier of the identity source in the GenAuth console (note the lower-case `i`). */
  extIdpConnidentifier: string;
  /** Strategy name for `passport.authenticate(name)`; default `genauth-<connection>`. */
  name?: string;
  /** Per-request GenAuth options decided by the server (scope, context, tenantId, customData). */
  options?: RequestCallback<Req, GenAuthSignInOptions | Promise<GenAuthSignInOptions>>;
  /** Read a field under another request name, e.g. `{ code: 'authCode' }`. */
  fields?: Partial<Record<Field, string>>;
  /** Replace extraction entirely: return the credential fields for this request. */
  credentials?: RequestCallback<Req, unknown>;
  /**
   * Where else than the JSON/form body the credential may be read (each an explicit opt-in, off by
   * default): `{ query: true }`, `{ headers: { code: 'x-wechat-code' } }`, `{ bearer: true }`.
   */
  credentialSources?: CredentialSources<Field>;
  /** Longest time the app's verify may take before the login ends in an error (default 30000 ms). */
  verifyTimeoutMs?: number;
}

/**
 * Reach GenAuth through a shared client (one pool and one JWKS cache for many strategies), or through
 * a `GenAuthApps` registry that picks one of several applications per request.
 */
export interface SharedClientOption {
  client: SignInClient | GenAuthApps;
}

/** Either a shared `client`, or the client settings inline. */
export type StrategyClientOptions = (SharedClientOption & { [K in keyof GenAuthClientOptions]?: never }) | (GenAuthClientOptions & { client?: never });

/** Everything a GenAuth strategy constructor accepts (minus `passReqToCallback`, added per overload). */
export type GenAuthStrategyOptions<Field extends string = string, Req extends GenAuthRequest = GenAuthRequest> = GenAuthStrategyCommonOptions<Field, Req> &
  StrategyClientOptions;

/** The immutable configuration a strategy keeps after validation. */
export interface StrategySettings {
  readonly provider: Provider;
  readonly client: SignInClient | GenAuthApps;
  /** The client (and app alias) for a request. */
  readonly clients: ClientSource<SignInClient>;
  readonly name: string;
  readonly extIdpConnidentifier: string;
  readonly passReqToCallback: boolean;
  readonly signInOptions: GenAuthSignInOptions;
  readonly optionsFor: ((req: GenAuthRequest) => GenAuthSignInOptions | Promise<GenAuthSignInOptions>) | undefined;
  readonly credentialsFor: ((req: GenAuthRequest) => unknown) | undefined;
  readonly renames: Readonly<Record<string, string>>;
  /** How the credential is read from a request (body only unless the options opted in to more). */
  readonly extraction: ExtractionPlan;
  readonly verifyTimeoutMs: number;
}

const fn = (what: string) => z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { error: `must be a function ${what}` });

function strategySchema(provider: Provider) {
  const fieldNames = provider.fields as [string, ...string[]];
  return z.strictObject({
    client: z
      .custom<SignInClient | GenAuthApps>((value) => isGenAuthApps(value) || typeof (value as SignInClient | undefined)?.signInByMobile === 'function', {
        error: 'must be a GenAuthClient or a GenAuthApps',
      })
      .optional(),
    extIdpConnidentifier: z.string({ error: 'required: the identifier of the identity source in the GenAuth console' }).min(1, 'must not be empty'),
    name: z.string().min(1).optional(),
    passReqToCallback: z.boolean().optional(),
    scope: z.unknown().optional(),
    context: z.unknown().optional(),
    tenantId: z.unknown().optional(),
    customData: z.unknown().optional(),
    options: fn('(req) => ({ scope, context, tenantId, customData })').optional(),
    credentials: fn('(req) => credential fields').optional(),
    // A plain record checked key by key: zod reports unknown enum keys of a record as bare unrecognized keys.
    fields: z
      .record(z.string(), z.string().min(1))
      .superRefine((renames, ctx) => {
        for (const key of Object.keys(renames)) {
          if (!fieldNames.includes(key)) {
            ctx.addIssue({ code: 'custom', path: [key], message: `is not a field of this provider; fields are: ${fieldNames.join(', ')}` });
          }
        }
      })
      .optional(),
    credentialSources: credentialSourcesSchema(provider, fieldNames).optional(),
    verifyTimeoutMs: positiveMs.optional(),
    ...Object.fromEntries(CLIENT_OPTION_KEYS.map((key) => [key, z.unknown().optional()])),
  });
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function credentialSourcesSchema(provider: Provider, fieldNames: readonly string[]) {
  return z.strictObject({
    query: z.boolean().optional(),
    headers: z
      .record(z.string(), z.string().regex(HEADER_NAME, 'must be an HTTP header name'))
      .superRefine((headers, ctx) => {
        for (const key of Object.keys(headers)) {
          if (!fieldNames.includes(key)) {
            ctx.addIssue({ code: 'custom', path: [key], message: `is not a field of this provider; fields are: ${fieldNames.join(', ')}` });
          } else if (headers[key]?.toLowerCase() === 'authorization') {
            ctx.addIssue({ code: 'custom', path: [key], message: "use bearer: true to read Authorization: Bearer (it strips the 'Bearer' scheme)" });
          }
        }
      })
      .optional(),
    bearer: z
      .boolean()
      .refine((bearer) => !bearer || provider.bearerField !== undefined, {
        error: `this provider has no token field to read from Authorization: Bearer (fields: ${fieldNames.join(', ')})`,
      })
      .optional(),
  });
}

function extractionPlan(provider: Provider, renames: Readonly<Record<string, string>>, sources: CredentialSources | undefined): ExtractionPlan {
  const headers = Object.fromEntries(Object.entries(sources?.headers ?? {}).map(([field, name]) => [field, String(name).toLowerCase()]));
  return Object.freeze({
    fields: provider.fields,
    renames,
    bearerField: sources?.bearer === true ? provider.bearerField : undefined,
    query: sources?.query === true,
    headers: Object.freeze(headers),
  });
}

/** Problems of a validation step, collected instead of thrown so every problem is reported at once. */
function collect(step: () => void): string[] {
  try {
    step();
    return [];
  } catch (error) {
    if (error instanceof ConfigurationError) return [...error.issues];
    throw error;
  }
}

/** Validates strategy options once; throws `ConfigurationError` listing every problem. */
export function resolveStrategySettings(provider: Provider, input: unknown, verify: unknown): StrategySettings {
  const where = `${provider.strategyName} strategy`;
  const parsed = strategySchema(provider).safeParse(input, PARSED_ONCE);
  const problems = parsed.success ? [] : describeIssues(parsed.error.issues, STRATEGY_SPELLING_HINTS);
  if (typeof verify !== 'function') problems.push('verify: the last constructor argument must be a function (tokens, profile, done) => …');
  const given = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const inline = Object.fromEntries(CLIENT_OPTION_KEYS.filter((key) => given[key] !== undefined).map((key) => [key, given[key]]));
  const shared = given.client as SignInClient | GenAuthApps | undefined;
  if (shared && Object.keys(inline).length > 0) {
    problems.push(`pass either client or inline client settings (${Object.keys(inline).join(', ')}), not both`);
  } else if (!shared && Object.keys(inline).length === 0) {
    problems.push('client: required: pass a shared GenAuthClient as client, or appHost, appId (and appSecret) inline');
  } else if (!shared) {
    problems.push(...collect(() => resolveClientOptions(inline)));
  }
  const signInOptions = pickSignInOptions(given);
  problems.push(...collect(() => checkSignInOptions(signInOptions, where)));
  if (!parsed.success || problems.length > 0) {
    throw new ConfigurationError(`Invalid ${where} options:\n  - ${problems.join('\n  - ')}`, problems);
  }
  const options = parsed.data as Record<string, unknown>;
  const renames = (options.fields as Record<string, string> | undefined) ?? {};
  // The inline client is built only once everything is valid, so a refused strategy leaves no pool behind.
  const client = shared ?? new GenAuthClient(inline as unknown as GenAuthClientOptions);
  return {
    provider,
    client,
    clients: clientSourceOf<SignInClient>(client),
    name: (options.name as string | undefined) ?? provider.strategyName,
    extIdpConnidentifier: options.extIdpConnidentifier as string,
    passReqToCallback: options.passReqToCallback === true,
    signInOptions,
    optionsFor: options.options as StrategySettings['optionsFor'],
    credentialsFor: options.credentials as StrategySettings['credentialsFor'],
    renames,
    extraction: extractionPlan(provider, renames, options.credentialSources as CredentialSources | undefined),
    verifyTimeoutMs: (options.verifyTimeoutMs as number | undefined) ?? 30_000,
  };
}
