import { createLocalJWKSet, errors, type JSONWebKeySet, type JWSHeaderParameters, type KeyLike } from 'jose';
import type { Dispatcher } from 'undici';
import { InvalidResponseError } from './errors';
import { exchange } from './transport';

type LocalKeySet = ReturnType<typeof createLocalJWKSet>;

/** Where and how a key set is fetched. */
export interface JwksCacheOptions {
  readonly uri: string;
  readonly dispatcher: Dispatcher;
  readonly timeoutMs: number;
  readonly cooldownMs: number;
}

/**
 * The app's JSON Web Key Set, fetched on first use through the client's dispatcher, kept in memory,
 * and fetched again when a token names an unknown `kid` (a key rotation), at most once per cooldown
 * so that forged `kid`s cannot turn every login into a JWKS request. Concurrent refreshes share one fetch.
 */
export class JwksCache {
  readonly #options: JwksCacheOptions;
  #keys: LocalKeySet | undefined;
  #fetchedAt = Number.NEGATIVE_INFINITY;
  #inflight: Promise<LocalKeySet> | undefined;
  readonly #resolved = new Map<string, KeyLike | Uint8Array>();

  constructor(options: JwksCacheOptions) {
    this.#options = options;
  }

  /**
   * The key for a JWS header, remembered per (`alg`, `kid`) until the set is fetched again, so a
   * login with a known key costs one Map lookup instead of jose's JWKS search. Only keys the current
   * set resolved are remembered: an unknown or forged `kid` is never cached.
   */
  async keyFor(header: JWSHeaderParameters): Promise<KeyLike | Uint8Array> {
    const id = `${header.alg}\u0000${header.kid ?? ''}`;
    const known = this.#resolved.get(id);
    if (known !== undefined) return known;
    const set = this.#keys;
    const key = await this.#lookup(header);
    // A refresh while we waited replaced the set: do not remember a key from the old one.
    if (set !== undefined && set === this.#keys) this.#resolved.set(id, key);
    return key;
  }

  /** Searches the current set (fetching it first if needed), refetching once on an unknown `kid`. */
  async #lookup(header: JWSHeaderParameters): Promise<KeyLike | Uint8Array> {
    const keys = this.#keys ?? (await this.#refresh());
    try {
      return await keys(header);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      if (Date.now() - this.#fetchedAt < this.#options.cooldownMs) throw error;
      const fresh = await this.#refresh();
      return fresh(header);
    }
  }

  #refresh(): Promise<LocalKeySet> {
    this.#inflight ??= this.#fetch().finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  async #fetch(): Promise<LocalKeySet> {
    const response = await exchange(this.#options.uri, {
      method: 'GET',
      headers: { accept: 'application/json' },
      dispatcher: this.#options.dispatcher,
      timeoutMs: this.#options.timeoutMs,
      maxBytes: 256 * 1024,
    });
    const keySet = parseKeySet(response.status, response.text);
    this.#keys = createLocalJWKSet(keySet);
    this.#resolved.clear();
    this.#fetchedAt = Date.now();
    return this.#keys;
  }
}

function parseKeySet(status: number, text: string): JSONWebKeySet {
  let json: unknown;
  try {
    json = status === 200 ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const keys = (json as { keys?: unknown } | undefined)?.keys;
  if (!Array.isArray(keys)) {
    throw new InvalidResponseError(`GenAuth's JWKS endpoint answered HTTP ${status} without a key set`, { responseBody: text });
  }
  return { keys } as JSONWebKeySet;
}
