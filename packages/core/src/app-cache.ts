/** One cached application: its client and when it stops being used. */
interface Entry<C> {
  readonly client: C;
  readonly expiresAt: number;
}

/**
 * A bounded, time-limited cache of lazily resolved applications. Least recently used entries go
 * first once `size` is reached, and an entry older than `ttlMs` is resolved again; every client that
 * leaves the cache is handed to `evict` (which closes its pool). Concurrent lookups of one alias
 * share one resolution.
 */
export class AppCache<C> {
  readonly #entries = new Map<string, Entry<C>>();
  readonly #pending = new Map<string, Promise<C | undefined>>();
  readonly #size: number;
  readonly #ttlMs: number;
  readonly #evict: (client: C) => void;

  constructor(size: number, ttlMs: number, evict: (client: C) => void) {
    this.#size = size;
    this.#ttlMs = ttlMs;
    this.#evict = evict;
  }

  /** How many applications are cached. */
  get size(): number {
    return this.#entries.size;
  }

  /** The cached client for `alias`, else the one `resolve` gives (cached only when it exists). */
  get(alias: string, resolve: (alias: string) => Promise<C | undefined>): C | Promise<C | undefined> {
    const entry = this.#entries.get(alias);
    if (entry !== undefined) {
      this.#entries.delete(alias);
      if (entry.expiresAt > Date.now()) {
        this.#entries.set(alias, entry);
        return entry.client;
      }
      this.#evict(entry.client);
    }
    let pending = this.#pending.get(alias);
    if (pending === undefined) {
      pending = resolve(alias).then((client) => {
        if (client !== undefined) this.#add(alias, client);
        return client;
      });
      const settled = () => this.#pending.delete(alias);
      pending.then(settled, settled);
      this.#pending.set(alias, pending);
    }
    return pending;
  }

  /** Hands every cached client to `evict` and forgets them. */
  clear(): void {
    for (const entry of this.#entries.values()) this.#evict(entry.client);
    this.#entries.clear();
  }

  #add(alias: string, client: C): void {
    const previous = this.#entries.get(alias);
    if (previous !== undefined) this.#evict(previous.client);
    this.#entries.delete(alias);
    this.#entries.set(alias, { client, expiresAt: Date.now() + this.#ttlMs });
    while (this.#entries.size > this.#size) {
      const [oldest, entry] = this.#entries.entries().next().value as [string, Entry<C>];
      this.#entries.delete(oldest);
      this.#evict(entry.client);
    }
  }
}
