import { AppCache } from './app-cache';
import { GenAuthClient } from './client';
import type { GenAuthClientOptions } from './client-options';
import { ConfigurationError, UnknownAppError } from './errors';
import type { GenAuthRequest } from './request';

/** An application of the registry: a client built elsewhere, or the options to build one. */
export type GenAuthAppConfig = GenAuthClient | GenAuthClientOptions;

/** Options of `GenAuthApps`. */
export interface GenAuthAppsOptions {
  /** The applications known at startup, by alias: `{ ios: { appId, appSecret, … }, android: client }`. */
  apps?: Readonly<Record<string, GenAuthAppConfig>>;
  /**
   * Which app a request is for (a header, a route parameter, the host): a hint, checked against the
   * registry; `undefined` falls back to `default`. A throw ends the request in an error (500).
   */
  select?: (req: GenAuthRequest) => string | undefined | Promise<string | undefined>;
  /** The alias used when neither the route nor `select` names one. */
  default?: string;
  /**
   * Loads an application the registry does not hold (from a database): called with an alias that
   * passed the alias syntax check, at most once per alias at a time; `undefined` means unknown (400).
   * The registry owns what it returns and closes its pool when it leaves the cache.
   */
  resolve?: (alias: string) => GenAuthAppConfig | undefined | Promise<GenAuthAppConfig | undefined>;
  /** Most lazily resolved apps kept (default 100); the least recently used goes first. */
  cacheSize?: number;
  /** Longest time a lazily resolved app is kept before `resolve` is asked again (default 600000 ms). */
  cacheTtlMs?: number;
}

/** The application chosen for a request. */
export interface ChosenApp {
  readonly alias: string;
  readonly client: GenAuthClient;
}

/** An alias as a request may name it: a short token, so no request data can be used as anything else. */
const ALIAS = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

const BRAND = Symbol.for('passport-genauth.apps');

/**
 * Several GenAuth applications behind one backend (an iOS app, an Android app, a mini program, a
 * customer per tenant), each with its own client: its own pool, JWKS cache and auth methods. Built
 * once at startup; a request only *selects* an alias, checked against the registry, and never
 * supplies a host, a key URL or an app. Pass it as `client` to any strategy.
 */
export class GenAuthApps {
  readonly #static = new Map<string, GenAuthClient>();
  readonly #owned = new Set<GenAuthClient>();
  readonly #select: GenAuthAppsOptions['select'];
  readonly #default: string | undefined;
  readonly #resolve: GenAuthAppsOptions['resolve'];
  readonly #cache: AppCache<GenAuthClient>;

  /** Builds every listed client now; throws `ConfigurationError` naming each bad app. */
  constructor(options: GenAuthAppsOptions) {
    const problems = checkOptions(options);
    const built = new Map<string, GenAuthClient>();
    for (const [alias, config] of Object.entries(options?.apps ?? {})) {
      if (config instanceof GenAuthClient) built.set(alias, config);
      else {
        try {
          built.set(alias, new GenAuthClient(config));
        } catch (error) {
          if (!(error instanceof ConfigurationError)) throw error;
          problems.push(...error.issues.map((issue) => `apps.${alias}.${issue}`));
        }
      }
    }
    if (problems.length > 0) {
      for (const [alias, client] of built) if (!(options.apps?.[alias] instanceof GenAuthClient)) void client.close();
      throw new ConfigurationError(`Invalid GenAuthApps options:\n  - ${problems.join('\n  - ')}`, problems);
    }
    for (const [alias, client] of built) {
      this.#static.set(alias, client);
      if (!(options.apps?.[alias] instanceof GenAuthClient)) this.#owned.add(client);
    }
    this.#select = options.select;
    this.#default = options.default;
    this.#resolve = options.resolve;
    this.#cache = new AppCache(options.cacheSize ?? 100, options.cacheTtlMs ?? 600_000, (client) => void client.close());
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The aliases registered at startup (lazily resolved ones are not listed). */
  get aliases(): readonly string[] {
    return [...this.#static.keys()];
  }

  /** How many lazily resolved apps are cached now. */
  get cachedApps(): number {
    return this.#cache.size;
  }

  /**
   * The app for a request: the route's pin, else `select(req)`, else `default`. Throws
   * `UnknownAppError` (400) when that names no registered or resolvable app, or none is named.
   */
  async choose(req: GenAuthRequest, pinned?: unknown): Promise<ChosenApp> {
    const hint = pinned ?? (this.#select ? await this.#select(req) : undefined) ?? this.#default;
    if (hint === undefined || hint === '') throw new UnknownAppError('No application selected for this request', this.aliases);
    if (typeof hint !== 'string') throw new UnknownAppError('The selected application must be named by a string', this.aliases);
    const client = ALIAS.test(hint) ? await this.client(hint) : undefined;
    if (client === undefined) throw new UnknownAppError(`Unknown application ${JSON.stringify(hint.slice(0, 64))}`, this.aliases);
    return { alias: hint, client };
  }

  /** The client of an alias (registered, or resolved and cached), or `undefined`. */
  async client(alias: string): Promise<GenAuthClient | undefined> {
    const known = this.#static.get(alias);
    if (known !== undefined || this.#resolve === undefined || !ALIAS.test(alias)) return known;
    const resolve = this.#resolve;
    return this.#cache.get(alias, async (name) => {
      const config = await resolve(name);
      if (config === undefined) return undefined;
      return config instanceof GenAuthClient ? config : new GenAuthClient(config);
    });
  }

  /** Closes the pools of every client the registry built or resolved. */
  async close(): Promise<void> {
    this.#cache.clear();
    await Promise.all([...this.#owned].map((client) => client.close()));
  }

  /** Safe to log: the aliases and each app's public settings. */
  toJSON(): Record<string, unknown> {
    return { apps: Object.fromEntries([...this.#static].map(([alias, client]) => [alias, client.toJSON()])), default: this.#default };
  }
}

/** True for a `GenAuthApps` of any installed copy of core. */
export function isGenAuthApps(value: unknown): value is GenAuthApps {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

function checkOptions(options: GenAuthAppsOptions | undefined): string[] {
  const problems: string[] = [];
  if (typeof options !== 'object' || options === null) return ['options: required: { apps, select?, default?, resolve? }'];
  const aliases = Object.keys(options.apps ?? {});
  for (const alias of aliases) if (!ALIAS.test(alias)) problems.push(`apps.${alias}: an alias is letters, digits and _ . : - (at most 64)`);
  if (aliases.length === 0 && options.resolve === undefined) problems.push('apps: register at least one application, or give resolve');
  if (options.select !== undefined && typeof options.select !== 'function') problems.push('select: must be a function (req) => alias | undefined');
  if (options.resolve !== undefined && typeof options.resolve !== 'function')
    problems.push('resolve: must be a function (alias) => client options | undefined');
  if (options.default !== undefined && !aliases.includes(options.default)) problems.push(`default: must be one of the registered apps (${aliases.join(', ')})`);
  for (const key of ['cacheSize', 'cacheTtlMs'] as const) {
    const value = options[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 2_147_483_647)) problems.push(`${key}: must be a positive whole number`);
  }
  const known = new Set(['apps', 'select', 'default', 'resolve', 'cacheSize', 'cacheTtlMs']);
  for (const key of Object.keys(options)) if (!known.has(key)) problems.push(`${key}: unknown option`);
  return problems;
}
