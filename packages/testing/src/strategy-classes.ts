import type { GenAuthStrategy, Provider } from '@passport-genauth/core';

/** A provider strategy class as `defineStrategy` makes it: constructible, carrying its provider. */
export interface ProviderStrategyClass {
  new (options: never, verify: never): GenAuthStrategy;
  readonly provider: Provider;
}

function isStrategyClass(value: unknown): value is ProviderStrategyClass {
  const provider = typeof value === 'function' ? (value as { provider?: Partial<Provider> }).provider : undefined;
  return typeof provider?.connection === 'string' && typeof provider.payloadKey === 'string';
}

/** The strategy classes a provider package exports, one per connection (aliases such as `Strategy` skipped). */
export function strategyClassesOf(family: Readonly<Record<string, unknown>>): ProviderStrategyClass[] {
  const byConnection = new Map<string, ProviderStrategyClass>();
  for (const value of Object.values(family)) {
    if (isStrategyClass(value) && !byConnection.has(value.provider.connection)) byConnection.set(value.provider.connection, value);
  }
  return [...byConnection.values()];
}

/** Constructs a provider strategy from loosely typed test options. */
export function construct(Strategy: ProviderStrategyClass, options: Record<string, unknown>, verify: (...args: never[]) => unknown): GenAuthStrategy {
  return new Strategy(options as never, verify as never);
}
