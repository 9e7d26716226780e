import type { AddressInfo } from 'node:net';
import { buildApps } from './apps';
import { resolveOptions, type EmulatorApp, type EmulatorOptions, type IdentitySource } from './config';
import type { Connection } from './connections';
import type { EmulatorContext } from './context';
import { createDashboard, type Dashboard } from './dashboard/dashboard';
import type { MintedCredential, ProviderIdentity } from './credential-shapes';
import { RequestIds } from './envelope';
import { checkInjection, FaultQueue, type FaultInjection } from './faults';
import { KeyStore, type JsonWebKeySet } from './keys';
import { TokenStore } from './lifecycle/token-store';
import { ProviderSimulator } from './provider-simulator';
import { LOGGED_ENDPOINTS, RequestLog, type EmulatorStats, type LoggedEndpoint, type RequestLogEntry } from './request-log';
import { createEmulatorServer } from './server';

/** A running emulator. */
export interface Emulator {
  /** `http://<host>:<port>`, no trailing slash: use it as the client's `appHost`. */
  readonly url: string;
  /** The applications it serves. */
  readonly apps: readonly Readonly<EmulatorApp>[];
  /** The identity sources it knows. */
  readonly identitySources: readonly Readonly<IdentitySource>[];
  /**
   * A snapshot of the sign-in and token lifecycle requests received (newest last, at most
   * `maxLogEntries`); JWKS fetches are left out (a verifier fetches keys when its cache decides), see
   * `requestsTo('jwks')`.
   */
  readonly requests: readonly RequestLogEntry[];
  /** The logged requests to these endpoints only (newest last), JWKS fetches included when asked for. */
  requestsTo(...endpoints: LoggedEndpoint[]): readonly RequestLogEntry[];
  /** The `kid` of the key that signs now. */
  readonly currentKid: string;
  /** The dashboard page (`{url}/`) when the `dashboard` option is on, else undefined. */
  readonly dashboardUrl: string | undefined;
  /** Fresh one-time credential fields for `connection`, registered to the provider user `identity.user`. */
  mintCredential<C extends Connection>(connection: C, identity: ProviderIdentity): MintedCredential<C>;
  /** Generates a new RSA key that signs from now on (the previous stays published); resolves to its kid. */
  rotateKeys(): Promise<string>;
  /** The published JWKS (the current key, then the previous one after a rotation). */
  jwks(): JsonWebKeySet;
  /** Faults the next `count` (default 1) sign-in requests; always available from code. */
  injectFaults(fault: FaultInjection): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  /** A snapshot of the counters. */
  stats(): EmulatorStats;
  /** Clears the log, the counters, the used credentials, the queued faults and every issued token and grant. */
  reset(): void;
  /** Stops listening and destroys every open socket (hanging requests too). Idempotent. */
  close(): Promise<void>;
}

/** What `requests` shows: every endpoint but the JWKS. */
const API_ENDPOINTS: ReadonlySet<LoggedEndpoint> = new Set(LOGGED_ENDPOINTS.filter((endpoint) => endpoint !== 'jwks'));

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts a local GenAuth on `host:port` (default `127.0.0.1`, a free port) and resolves once it listens.
 * Throws a TypeError listing every invalid option.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const keys = await KeyStore.create();
  const log = new RequestLog(resolved.maxLogEntries);
  const faults = new FaultQueue();
  const provider = new ProviderSimulator();
  const tokenStore = new TokenStore();
  let fallbackHost = formatHost(resolved.host);
  const context: EmulatorContext = {
    options: resolved,
    apps: buildApps(resolved.apps),
    identitySources: new Map(resolved.identitySources.map((source) => [source.extIdpConnidentifier, source.connection])),
    provider,
    keys,
    lifetimes: resolved.tokenLifetimes,
    tokenStore,
    log,
    faults,
    requestIds: new RequestIds(),
    timers: new Set(),
    get fallbackHost() {
      return fallbackHost;
    },
    reset() {
      log.reset();
      provider.reset();
      faults.clear();
      tokenStore.clear();
      dashboard?.changed('reset');
    },
  };
  const dashboard: Dashboard | undefined =
    resolved.dashboard === undefined
      ? undefined
      : createDashboard(context, { backendUrl: resolved.dashboard.backendUrl, allowRemote: resolved.allowRemoteControl });
  const { server, sockets } = createEmulatorServer(context, dashboard);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  fallbackHost = `${formatHost(resolved.host)}:${(server.address() as AddressInfo).port}`;
  const url = `http://${fallbackHost}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    apps: resolved.apps,
    identitySources: resolved.identitySources,
    get requests() {
      return log.entries(API_ENDPOINTS);
    },
    requestsTo: (...endpoints) => log.entries(new Set(endpoints)),
    get currentKid() {
      return keys.current.kid;
    },
    dashboardUrl: dashboard === undefined ? undefined : `${url}/`,
    mintCredential: (connection, identity) => provider.mint(connection, identity),
    rotateKeys: async () => {
      const kid = await keys.rotate();
      dashboard?.changed('keys');
      return kid;
    },
    jwks: () => keys.jwks(),
    injectFaults: (fault) => {
      faults.push(checkInjection(fault));
      dashboard?.changed('faults');
    },
    clearFaults: () => {
      faults.clear();
      dashboard?.changed('faults');
    },
    stats: () => log.stats(),
    reset: () => context.reset(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        dashboard?.close();
        for (const timer of context.timers) clearTimeout(timer);
        context.timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
