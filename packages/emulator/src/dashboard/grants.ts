import type { EmulatorContext } from '../context';
import type { Grant } from '../lifecycle/token-store';
import type { Exchange } from './exchanges';
import { parseAnswer } from './exchanges';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What revoking a user's tokens did. */
export interface RevokeResult {
  readonly grants: number;
  readonly accessTokens: number;
  readonly refreshTokens: number;
}

/**
 * The grants (logins) of each user, learned from the token store as sign-ins are answered: the store
 * finds the grant of each access token the emulator hands out, and the dashboard remembers it under
 * the token's `sub`, so that one click can revoke every token of a user through the store.
 */
export class UserGrants {
  readonly #context: EmulatorContext;
  readonly #bySub = new Map<string, Set<Grant>>();

  constructor(context: EmulatorContext) {
    this.#context = context;
  }

  /** Remembers the grant behind an accepted sign-in. */
  note(exchange: Exchange): void {
    if (exchange.summary.endpoint !== 'signin-by-mobile' || exchange.summary.outcome !== 'accepted') return;
    const answer = parseAnswer(exchange.answer?.text);
    const data = isRecord(answer) && isRecord(answer['data']) ? answer['data'] : undefined;
    const token = data?.['access_token'];
    if (typeof token !== 'string') return;
    const record = this.#context.tokenStore.findAccessToken(token, Math.floor(Date.now() / 1000));
    if (record === undefined) return;
    const sub = record.grant.user.sub;
    const grants = this.#bySub.get(sub) ?? new Set<Grant>();
    grants.add(record.grant);
    this.#bySub.set(sub, grants);
  }

  /** How many live tokens the user holds: access tokens not revoked or expired, and current refresh tokens. */
  liveTokens(sub: string): number {
    const now = Math.floor(Date.now() / 1000);
    let count = 0;
    for (const grant of this.#bySub.get(sub) ?? []) {
      if (grant.revoked) continue;
      for (const record of grant.accessTokens) if (record.exp > now) count += 1;
      if (grant.refreshToken !== undefined && grant.refreshExp > now) count += 1;
    }
    return count;
  }

  /** Forgets every grant (the emulator's reset dropped them all). */
  clear(): void {
    this.#bySub.clear();
  }

  /** Revokes every grant of the user: each refresh token and every access token issued from it. */
  revoke(sub: string): RevokeResult {
    let grants = 0;
    let accessTokens = 0;
    let refreshTokens = 0;
    for (const grant of this.#bySub.get(sub) ?? []) {
      if (grant.revoked) continue;
      grants += 1;
      accessTokens += grant.accessTokens.size;
      refreshTokens += grant.refreshToken === undefined ? 0 : 1;
      this.#context.tokenStore.revokeGrant(grant);
    }
    return { grants, accessTokens, refreshTokens };
  }
}
