import type { KeyObject } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { HttpError, InvalidResponseError } from './errors';
import { JwtError, KeySet, type JwsHeader } from './jwt';
import { exchange } from './transport';

/** Why the key set is being fetched. */
export type JwksFetchReason = 'cold' | 'unknown-kid' | 'expired' | 'warm-up';

/** One JWKS fetch, as reported to `onFetch`. */
export interface JwksFetchEvent {
  readonly jwksUri: string;
  readonly reason: JwksFetchReason;
  readonly durationMs: number;
  readonly ok: boolean;
}

/** Where and how a key set is fetched. */
export interface JwksCacheOptions {
  readonly uri: string;
  readonly dispatcher: Dispatcher;
  readonly timeoutMs: number;
  /** Least time between two fetch attempts (successful or not) not caused by the set's age. */
  readonly cooldownMs: number;
  /** Longest time a fetched set is used as is; `cache-control: max-age` may shorten it (not below a minute). */
  readonly maxAgeMs: number;
  /** Told of every fetch (diagnostics). */
  readonly onFetch?: ((event: JwksFetchEvent) => void) | undefined;
  /** The clock (tests). */
  readonly now?: (() => number) | undefined;
}

/** `cache-control: max-age` is honoured down to this, so a misconfigured proxy cannot turn logins into fetches. */
const MIN_MAX_AGE_MS = 60_000;

/**
 * The app's JSON Web Key Set. A fresh set answers `keyFor` synchronously (the hot path of every login
 * and API call); the set is fetched on first use, again when a token names a key it lacks (a
 * rotation), and in the background once it is older than its max age, so a key GenAuth withdrew stops
 * verifying. Every fetch attempt, failed ones included, counts for the cooldown, and concurrent
 * callers share one fetch: neither forged `kid`s nor a JWKS that answers 500 can turn logins into a
 * stream of JWKS requests. A set older than twice its max age (background refreshes kept failing) is
 * no longer trusted.
 */
export class JwksCache {
  readonly #options: JwksCacheOptions;
  readonly #now: () => number;
  #set: KeySet | undefined;
  #fetchedAt = 0;
  #maxAgeMs: number;
  #lastAttemptAt = Number.NEGATIVE_INFINITY;
  #lastFailure: Error | undefined;
  #inflight: Promise<KeySet> | undefined;

  constructor(options: JwksCacheOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => Date.now());
    this.#maxAgeMs = options.maxAgeMs;
  }

  /**
   * The key for a JWS header: synchronous when the cached set has it, else a promise that fetches
   * (at most once per cooldown). Throws `JwtError` when no key fits, or the fetch's transport or
   * response error.
   */
  keyFor(header: JwsHeader): KeyObject | Promise<KeyObject> {
    const set = this.#trustedSet();
    if (set === undefined) return this.#refresh('cold').then((fresh) => fresh.select(header));
    try {
      return set.select(header);
    } catch (error) {
      if (!(error instanceof JwtError) || error.code !== 'ERR_JWKS_NO_MATCHING_KEY') throw error;
      if (this.#mayAttempt()) return this.#refresh('unknown-kid').then((fresh) => fresh.select(header));
      // The key may well exist: if the last fetch failed, that failure (upstream, 5xx) is the answer, not the user's 401.
      throw this.#lastFailure ?? error;
    }
  }

  /** Fetches the set now (unless a fetch is under way or failed within the cooldown); resolves to its size. */
  async warmUp(): Promise<number> {
    const set = this.#set !== undefined && !this.#mayAttempt() ? this.#set : await this.#refresh('warm-up');
    return set.size;
  }

  /** The cached set while it may be used; starts a background refresh once it is past its max age. */
  #trustedSet(): KeySet | undefined {
    const set = this.#set;
    if (set === undefined) return undefined;
    const age = this.#now() - this.#fetchedAt;
    if (age <= this.#maxAgeMs) return set;
    if (this.#mayAttempt()) this.#refresh('expired').catch(() => undefined);
    return age <= 2 * this.#maxAgeMs ? set : undefined;
  }

  #mayAttempt(): boolean {
    return this.#inflight !== undefined || this.#now() - this.#lastAttemptAt >= this.#options.cooldownMs;
  }

  #refresh(reason: JwksFetchReason): Promise<KeySet> {
    if (this.#inflight) return this.#inflight;
    if (!this.#mayAttempt() && this.#lastFailure !== undefined) return Promise.reject(this.#lastFailure);
    this.#lastAttemptAt = this.#now();
    const started = this.#now();
    const report = (ok: boolean) => this.#options.onFetch?.({ jwksUri: this.#options.uri, reason, durationMs: this.#now() - started, ok });
    this.#inflight = this.#fetch().then(
      (set) => {
        this.#lastFailure = undefined;
        report(true);
        return set;
      },
      (error: unknown) => {
        this.#lastFailure = error instanceof Error ? error : new Error(String(error));
        report(false);
        throw error;
      },
    );
    const settled = () => {
      this.#inflight = undefined;
    };
    this.#inflight.then(settled, settled);
    return this.#inflight;
  }

  async #fetch(): Promise<KeySet> {
    const response = await exchange(this.#options.uri, {
      method: 'GET',
      headers: { accept: 'application/json' },
      dispatcher: this.#options.dispatcher,
      timeoutMs: this.#options.timeoutMs,
      maxBytes: 256 * 1024,
    });
    const set = parseKeySet(response.status, response.text);
    this.#set = set;
    this.#fetchedAt = this.#now();
    this.#maxAgeMs = maxAgeFrom(response.cacheControl ?? '', this.#options.maxAgeMs);
    return set;
  }
}

function parseKeySet(status: number, text: string): KeySet {
  if (status !== 200) {
    // As for the sign-in: a gateway's 503/504 is kept, anything else is a bad gateway.
    const answer = status === 503 || status === 504 ? status : 502;
    throw new HttpError(`GenAuth's JWKS endpoint answered HTTP ${status}`, 'status', { status: answer, responseBody: text });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidResponseError("GenAuth's JWKS endpoint answered something that is not JSON", { responseBody: text });
  }
  try {
    return KeySet.parse(json);
  } catch {
    throw new InvalidResponseError("GenAuth's JWKS endpoint answered a malformed key set", { responseBody: text });
  }
}

/** The configured max age, shortened by the server's `cache-control: max-age` (never below a minute). */
function maxAgeFrom(cacheControl: string, configured: number): number {
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?\s*(?:,|$)/i.exec(cacheControl);
  if (!match?.[1]) return configured;
  const said = Number(match[1]) * 1000;
  return Math.min(configured, Math.max(said, Math.min(MIN_MAX_AGE_MS, configured)));
}
