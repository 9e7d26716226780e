import passportStrategy from 'passport-strategy';
import { ConfigurationError, CredentialsError } from './errors';
import { own } from './extract-credentials';
import { missingBodyHint, type GenAuthAuthenticateOptions } from './login';
import { outcomeOfError, type LoginOutcome } from './outcome';
import type { GenAuthRequest } from './request';
import { deliverLogin } from './deliver-outcome';
import { observeRefusal } from './diagnostics/observe-login';
import { GenAuthStrategy } from './strategy';

/** Options of the single-route strategy. */
export interface GenAuthMobileStrategyOptions {
  /** The provider strategies this route serves, at most one per connection. */
  strategies: readonly GenAuthStrategy[];
  /** Strategy name (default `genauth-mobile`). */
  name?: string;
  /** Request field naming the connection (default `connection`): body, then query, then the `x-genauth-connection` header. */
  connectionField?: string;
}

function readField(req: GenAuthRequest, name: string): unknown {
  // Never the plain `connection` header: that is HTTP's hop-by-hop `Connection: keep-alive`.
  return own(req.body, name) ?? own(req.query, name) ?? req.headers['x-genauth-connection'];
}

/**
 * One route for every provider: reads `connection` from the request (`{ connection: 'apple', code }`)
 * and runs the registered strategy for it, so an app can expose a single `POST /auth/mobile`.
 * Each registered strategy keeps its own options and verify.
 */
export class GenAuthMobileStrategy extends passportStrategy.Strategy {
  /** The name to use in `passport.authenticate(name)`. */
  name: string;
  declare private readonly routes: ReadonlyMap<string, GenAuthStrategy>;
  declare private readonly connectionField: string;

  constructor(options: GenAuthMobileStrategyOptions) {
    super();
    const routes = new Map<string, GenAuthStrategy>();
    for (const strategy of options?.strategies ?? []) {
      if (!(strategy instanceof GenAuthStrategy) && typeof (strategy as Partial<GenAuthStrategy>)?.login !== 'function') {
        throw new ConfigurationError('Invalid genauth-mobile options:\n  - strategies: every entry must be a passport-genauth provider strategy');
      }
      if (routes.has(strategy.connection)) {
        throw new ConfigurationError(
          `Invalid genauth-mobile options:\n  - strategies: two strategies serve connection '${strategy.connection}'; register one per connection`,
        );
      }
      routes.set(strategy.connection, strategy);
    }
    if (routes.size === 0) {
      throw new ConfigurationError('Invalid genauth-mobile options:\n  - strategies: register at least one provider strategy');
    }
    this.name = options.name ?? 'genauth-mobile';
    Object.defineProperty(this, 'routes', { value: routes });
    Object.defineProperty(this, 'connectionField', { value: options.connectionField ?? 'connection' });
  }

  /** The connections this route accepts. */
  get connections(): readonly string[] {
    return [...this.routes.keys()];
  }

  /**
   * Runs one login without Passport and resolves with its outcome: the registered strategy's login for
   * the request's connection, or a 400 `fail` naming the connection field (for framework adapters).
   */
  login(req: GenAuthRequest, options?: GenAuthAuthenticateOptions): Promise<LoginOutcome> {
    const connection = readField(req, this.connectionField);
    const strategy = typeof connection === 'string' ? this.routes.get(connection) : undefined;
    if (strategy) return strategy.login(req, options);
    const accepted = this.connections.join(', ');
    let message =
      connection === undefined || connection === ''
        ? `${this.connectionField} is required: one of ${accepted}`
        : `${this.connectionField} must be one of ${accepted}`;
    if (connection === undefined) message += missingBodyHint(req);
    return observeRefusal(this.name, req, outcomeOfError(new CredentialsError(`Invalid mobile sign-in request: ${message}`, [this.connectionField])));
  }

  /** Passport's entry point. */
  override authenticate(req: GenAuthRequest, options?: GenAuthAuthenticateOptions): void {
    deliverLogin(this, req, this.login(req, options));
  }

  /** Safe to log. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, connections: this.connections };
  }
}
