import type { HttpClient } from './http';
import { MOBILE_ROUTE, routeFor } from './target-app';
import { CONNECTIONS } from './strategies';

type Json = Record<string, unknown>;

/** Where a login's one-time credential comes from: the provider simulator, for a connection and a user. */
export type Mint = (connection: string, user: string) => Promise<Json>;

/**
 * The i-th login of a run: the routes taken in turn (the 32 provider routes, then the single route),
 * each with a freshly minted one-time credential. The provider user cycles through `users` per route,
 * so after `33 × users` logins every (connection, user) pair, hence every GenAuth user, recurs.
 */
export async function nthLogin(i: number, runId: string, users: number, mint: Mint): Promise<{ path: string; body: Json }> {
  const routes = CONNECTIONS.length + 1;
  const slot = i % routes;
  const connection = CONNECTIONS[slot % CONNECTIONS.length]!;
  const credential = await mint(connection, `${runId}-user-${Math.floor(i / routes) % users}`);
  return slot === CONNECTIONS.length ? { path: MOBILE_ROUTE, body: { connection, ...credential } } : { path: routeFor(connection), body: credential };
}

/** How a batch of logins went. */
export interface LoadResult {
  readonly succeeded: number;
  readonly failed: number;
  /** The first 20 failures, for the message. */
  readonly failures: ReadonlyArray<{ readonly i: number; readonly status: number | string; readonly body: string }>;
  readonly elapsedMs: number;
}

/** Options of a batch of logins. */
export interface LoadOptions {
  readonly total: number;
  readonly concurrency: number;
  readonly runId: string;
  /** How many users log in again and again through each route (default 30: 990 GenAuth users in all). */
  readonly users?: number;
  readonly mint: Mint;
}

/** Runs `total` logins with `concurrency` in flight at any time; a login counts only when it answered 200 with a user. */
export async function runLogins(http: HttpClient, options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  let succeeded = 0;
  let failed = 0;
  const failures: Array<{ i: number; status: number | string; body: string }> = [];
  const started = Date.now();
  const worker = async (): Promise<void> => {
    while (next < options.total) {
      const i = next;
      next += 1;
      try {
        const { path, body } = await nthLogin(i, options.runId, options.users ?? 30, options.mint);
        const answer = await http.postJson(path, body);
        const user = answer.json?.user as { id?: unknown } | undefined;
        if (answer.status === 200 && typeof user?.id === 'string') succeeded += 1;
        else {
          failed += 1;
          if (failures.length < 20) failures.push({ i, status: answer.status, body: answer.text.slice(0, 300) });
        }
      } catch (error) {
        failed += 1;
        if (failures.length < 20) failures.push({ i, status: 'no answer', body: String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { succeeded, failed, failures, elapsedMs: Date.now() - started };
}
