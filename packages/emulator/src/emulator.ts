import type { AddressInfo } from 'node:net';
import { buildApps } from './apps';
import { resolveOptions, type EmulatorApp, type EmulatorOptions, type IdentitySource } from './config';
import type { Connection } from './connections';
import type { EmulatorContext } from './context';
import type { MintedCredential, ProviderIdentity } from './credential-shapes';
import { RequestIds } from './envelope';
import { checkInjection, FaultQueue, type FaultInjection } from './faults';
import { KeyStore, type JsonWebKeySet } from './keys';
import { ProviderSimulator } from './provider-simulator';
import { RequestLog, type EmulatorStats, type RequestLogEntry } from './request-log';
import { createEmulatorServer } from './server';

/** A running emulator. */
export interface Emulator {
  /** `http://<host>:<port>`, no trailing slash: use it as the client's `appHost`. */
  readonly url: string;
  /** The applications it serves. */
  readonly apps: readonly Readonly<EmulatorApp>[];
  /** The identity sources it knows. */
  readonly identitySources: readonly Readonly<IdentitySource>[];
  /** A snapshot of the sign-in requests received (newest last, at most `maxLogEntries`). */
  readonly requests: readonly RequestLogEntry[];
  /** The `kid` of the key that signs now. */
  readonly currentKid: string;
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
  /** Clears the log, the counters, the used credentials and the queued faults. */
  reset(): void;
  /** Stops listening and destroys every open socket (hanging requests too). Idempotent. */
  close(): Promise<void>;
}

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
  let fallbackHost = formatHost(resolved.host);
  const context: EmulatorContext = {
    options: resolved,
    apps: buildApps(resolved.apps),
    identitySources: new Map(resolved.identitySources.map((source) => [source.extIdpConnidentifier, source.connection])),
    provider,
    keys,
    lifetimes: resolved.tokenLifetimes,
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
    },
  };
  const { server, sockets } = createEmulatorServer(context);
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
      return log.entries();
    },
    get currentKid() {
      return keys.current.kid;
    },
    mintCredential: (connection, identity) => provider.mint(connection, identity),
    rotateKeys: () => keys.rotate(),
    jwks: () => keys.jwks(),
    injectFaults: (fault) => faults.push(checkInjection(fault)),
    clearFaults: () => faults.clear(),
    stats: () => log.stats(),
    reset: () => context.reset(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of context.timers) clearTimeout(timer);
        context.timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
