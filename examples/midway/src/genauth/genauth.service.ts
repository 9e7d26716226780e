import { Config, Destroy, Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { AppleStrategy } from '@passport-genauth/apple';
import {
  ConfigurationError,
  GenAuthClient,
  GenAuthMobileStrategy,
  type GenAuthAuthenticateOptions,
  type GenAuthProfile,
  type GenAuthRequest,
  type LoginOutcome,
  type TokenSet,
  type VerifyCallback,
} from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';
import { UserService } from '../user/user.service';
import type { GenAuthConfig } from './genauth-config';

/** What the login middleware runs: a provider strategy or the single-route `GenAuthMobileStrategy`. */
export interface LoginStrategy {
  readonly name: string;
  login(req: GenAuthRequest, options?: GenAuthAuthenticateOptions): Promise<LoginOutcome>;
}

/** The name of the single-route strategy behind `POST /auth/mobile`. */
export const MOBILE_STRATEGY = 'genauth-mobile';

/**
 * The app's GenAuth strategies, built once at startup on one shared `GenAuthClient` (one connection
 * pool, one JWKS cache) and closed with the app. No Passport instance: the login middleware calls
 * `strategy.login(req)` and answers the outcome itself.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class GenAuthService {
  @Config('genauth')
  config!: GenAuthConfig;

  // Named after the class so that injection also works without decorator metadata (tsx/esbuild).
  @Inject()
  userService!: UserService;

  #client: GenAuthClient | undefined;
  readonly #strategies = new Map<string, LoginStrategy>();

  @Init()
  init(): void {
    if (!this.config?.client)
      throw new ConfigurationError("Invalid Midway configuration:\n  - genauth.client: the GenAuth client options are required (config 'genauth')");
    const client = new GenAuthClient(this.config.client);
    this.#client = client;
    const source = (connection: string): string => this.config.identitySources?.[connection] ?? connection;
    const verify = (_tokens: TokenSet, profile: GenAuthProfile, done: VerifyCallback): void => {
      const user = this.userService.signIn(profile);
      if (user) done(null, user);
      else done(null, false, { message: 'This account is suspended' });
    };
    const strategies = [
      new WechatStrategy({ client, extIdpConnidentifier: source('wechat') }, verify),
      new AppleStrategy({ client, extIdpConnidentifier: source('apple'), scope: 'openid profile email' }, verify),
    ];
    for (const strategy of [...strategies, new GenAuthMobileStrategy({ strategies, name: MOBILE_STRATEGY })]) {
      this.#strategies.set(strategy.name, strategy);
    }
  }

  /** The strategy registered under `name` (`genauth-wechat`, `genauth-mobile`); throws for an unknown name. */
  strategy(name: string): LoginStrategy {
    const strategy = this.#strategies.get(name);
    if (!strategy) throw new ConfigurationError(`Unknown GenAuth strategy '${name}': one of ${[...this.#strategies.keys()].join(', ')}`);
    return strategy;
  }

  /** The shared client (the `@midwayjs/passport` variant signs in through it too). */
  get client(): GenAuthClient {
    if (!this.#client) throw new ConfigurationError('GenAuthService is not initialised');
    return this.#client;
  }

  @Destroy()
  async close(): Promise<void> {
    await this.#client?.close();
  }
}
