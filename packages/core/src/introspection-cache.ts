/** Settings of an `IntrospectionCache`. */
export interface IntrospectionCacheOptions {
  /** Longest time an answer is reused, in milliseconds; 0 disables caching. */
  readonly ttlMs: number;
  /** Most answers kept; the oldest is dropped first. */
  readonly maxEntries: number;
  /** The clock, in epoch milliseconds (tests pass their own). */
  readonly now?: () => number;
}

interface Entry {
  readonly active: boolean;
  readonly expiresAt: number;
}

/**
 * GenAuth's introspection answers per access-token `jti`, so a protected API does not ask GenAuth on
 * every call: an answer is reused for at most `ttlMs` and never past the token's own `exp`; at most
 * `maxEntries` are kept. Concurrent lookups of one `jti` share one question. A revoked token is thus
 * refused at most `ttlMs` after its revocation. Keys are `jti`s of tokens whose signature was already
 * verified, so a caller cannot plant entries for tokens it did not get from GenAuth.
 */
export class IntrospectionCache {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  readonly #inflight = new Map<string, Promise<boolean>>();

  constructor(options: IntrospectionCacheOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries;
    this.#now = options.now ?? Date.now;
  }

  /** How many answers are kept now. */
  get size(): number {
    return this.#entries.size;
  }

  /** The cached answer for `jti`, or asks `introspect` (once for concurrent callers) and keeps its answer. */
  async isActive(jti: string, expSeconds: number, introspect: () => Promise<boolean>): Promise<boolean> {
    const cached = this.#get(jti);
    if (cached !== undefined) return cached;
    const pending = this.#inflight.get(jti);
    if (pending) return pending;
    const asking = introspect().then((active) => {
      this.#set(jti, active, expSeconds);
      return active;
    });
    this.#inflight.set(jti, asking);
    try {
      return await asking;
    } finally {
      this.#inflight.delete(jti);
    }
  }

  #get(jti: string): boolean | undefined {
    const entry = this.#entries.get(jti);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.#now()) return entry.active;
    this.#entries.delete(jti);
    return undefined;
  }

  #set(jti: string, active: boolean, expSeconds: number): void {
    if (this.#ttlMs <= 0 || this.#maxEntries <= 0) return;
    const now = this.#now();
    const expiresAt = Math.min(now + this.#ttlMs, expSeconds * 1000);
    if (expiresAt <= now) return;
    this.#entries.delete(jti);
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    this.#entries.set(jti, { active, expiresAt });
  }
}
