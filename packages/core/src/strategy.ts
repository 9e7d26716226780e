import passportStrategy from 'passport-strategy';
import { runLogin, type GenAuthAuthenticateOptions } from './login';
import { deliverLogin } from './deliver-outcome';
import { observeLogin } from './diagnostics/observe-login';
import type { LoginOutcome } from './outcome';
import type { Provider } from './provider';
import type { GenAuthApps } from './genauth-apps';
import type { GenAuthRequest } from './request';
import { resolveStrategySettings, type SignInClient, type StrategySettings } from './strategy-options';

const SETTINGS = Symbol.for('passport-genauth.strategy-settings');
const VERIFY = Symbol.for('passport-genauth.strategy-verify');

/**
 * The Passport strategy every provider strategy is: it extends `passport-strategy`'s `Strategy`,
 * keeps only immutable settings (Passport runs each request on `Object.create(strategy)`), and turns
 * one login outcome into `success`, `fail` or `error`.
 */
export class GenAuthStrategy extends passportStrategy.Strategy {
  /** The name to use in `passport.authenticate(name)`. */
  name: string;
  declare private readonly [SETTINGS]: StrategySettings;
  declare private readonly [VERIFY]: (...args: never[]) => unknown;

  constructor(provider: Provider, options: unknown, verify: unknown) {
    super();
    const settings = resolveStrategySettings(provider, options, verify);
    this.name = settings.name;
    // Non-enumerable: inherited by Passport's per-request copies, invisible to JSON and logs.
    Object.defineProperty(this, SETTINGS, { value: Object.freeze(settings) });
    Object.defineProperty(this, VERIFY, { value: verify });
  }

  /** The GenAuth connection this strategy signs in with, e.g. `wechat`. */
  get connection(): string {
    return this[SETTINGS].provider.connection;
  }

  /** The client (or the `GenAuthApps` registry) this strategy signs in through; call `close()` on it at shutdown. */
  get client(): SignInClient | GenAuthApps {
    return this[SETTINGS].client;
  }

  /** The provider definition behind this strategy. */
  get provider(): Provider {
    return this[SETTINGS].provider;
  }

  /** Runs one login without Passport and resolves with its outcome (used by the single-route strategy and tests). */
  login(req: GenAuthRequest, options?: GenAuthAuthenticateOptions): Promise<LoginOutcome> {
    const settings = this[SETTINGS];
    return observeLogin(settings, req, (observer) => runLogin(settings, this[VERIFY], req, options, observer));
  }

  /** Passport's entry point. */
  override authenticate(req: GenAuthRequest, options?: GenAuthAuthenticateOptions): void {
    deliverLogin(this, req, this.login(req, options));
  }

  /** Safe to log. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, connection: this.connection };
  }
}
