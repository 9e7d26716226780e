import type { Exchange } from './exchanges';
import { parseAnswer } from './exchanges';
import { decodeJwt } from './jwt-view';

/** A GenAuth user the emulator has signed in, as the dashboard lists it. */
export interface UserView {
  readonly sub: string;
  readonly connection: string | undefined;
  readonly appId: string | undefined;
  /** The provider's user (`alice`, or `user-<hash>` for a credential nobody minted), from the id_token. */
  readonly providerUser: string | undefined;
  readonly name: string | undefined;
  readonly email: string | undefined;
  readonly phone: string | undefined;
  readonly firstLogin: number;
  readonly lastLogin: number;
  readonly logins: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(claims: Record<string, unknown> | undefined, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = claims?.[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/**
 * Every user a sign-in has created or logged in, keyed by `sub`. It is built from the tokens of
 * accepted `signin-by-mobile` answers: the access token always carries `sub`, the id_token carries the
 * provider user (`nickname`, `preferred_username`), the name, the email and the phone for the scope asked.
 */
export class UserDirectory {
  readonly #users = new Map<string, UserView>();

  /** Records the user of an accepted sign-in; returns it, or undefined when the exchange made none. */
  note(exchange: Exchange): UserView | undefined {
    const { summary } = exchange;
    if (summary.endpoint !== 'signin-by-mobile' || summary.outcome !== 'accepted') return undefined;
    const answer = parseAnswer(exchange.answer?.text);
    const data = isRecord(answer) && isRecord(answer['data']) ? answer['data'] : undefined;
    const access = typeof data?.['access_token'] === 'string' ? decodeJwt(data['access_token'])?.claims : undefined;
    const id = typeof data?.['id_token'] === 'string' ? decodeJwt(data['id_token'])?.claims : undefined;
    const sub = text(access, 'sub') ?? text(id, 'sub');
    if (sub === undefined) return undefined;
    const before = this.#users.get(sub);
    const user: UserView = {
      sub,
      connection: summary.connection ?? before?.connection,
      appId: summary.appId ?? before?.appId,
      providerUser: text(id, 'preferred_username', 'nickname') ?? before?.providerUser,
      name: text(id, 'name') ?? before?.name,
      email: text(id, 'email') ?? before?.email,
      phone: text(id, 'phone_number') ?? before?.phone,
      firstLogin: before?.firstLogin ?? summary.at,
      lastLogin: summary.at,
      logins: (before?.logins ?? 0) + 1,
    };
    this.#users.set(sub, user);
    return user;
  }

  /** Every user, the most recent login first. */
  list(): UserView[] {
    return [...this.#users.values()].sort((a, b) => b.lastLogin - a.lastLogin);
  }

  /** True when a sign-in has created this user. */
  has(sub: string): boolean {
    return this.#users.has(sub);
  }
}
