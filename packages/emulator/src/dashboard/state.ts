import { CONNECTION_NAMES, CONNECTIONS } from '../connections';
import type { EmulatorContext } from '../context';
import { FAULT_KINDS } from '../faults';
import { MAGIC_PREFIXES } from '../magic-values';
import { DISCOVERY_PATH, JWKS_PATH } from '../metadata-routes';

/** An app as the page shows it. Built field by field, so that the secret can never slip in. */
export interface AppView {
  readonly appId: string;
  readonly hasSecret: boolean;
  readonly idTokenSigningAlg: string;
  /** `[endpoint, method]`: sign-in and refresh share the token endpoint's method. */
  readonly authMethods: readonly (readonly [string, string])[];
}

/** The published keys, the one that signs now first. */
export interface KeyView {
  readonly kid: string;
  readonly status: 'current' | 'previous';
}

/** A user with the count of their live tokens. */
export type UserRow = Readonly<Record<string, unknown>> & { readonly sub: string };

/** The page's apps, identity sources and keys. */
export function appViews(context: EmulatorContext): AppView[] {
  return [...context.apps.values()].map((app) => ({
    appId: app.appId,
    hasSecret: app.secret !== undefined,
    idTokenSigningAlg: app.idTokenSigningAlg,
    authMethods: [
      ['sign-in, refresh', app.endpointMethods.token],
      ['introspection', app.endpointMethods.introspection],
      ['revocation', app.endpointMethods.revocation],
      ['userinfo', 'bearer access token'],
    ],
  }));
}

/** The kids of the JWKS, current first. */
export function keyViews(context: EmulatorContext): KeyView[] {
  return context.keys.jwks().keys.map((key, index) => ({ kid: key.kid, status: index === 0 ? 'current' : 'previous' }));
}

/** What is armed: the queued faults, the next one first. */
export function armedFaults(context: EmulatorContext): { kind: string; remaining: number; latencyMs: number }[] {
  return context.faults.list();
}

/** The counters the page's header shows. */
export function totals(context: EmulatorContext): { received: number; accepted: number; rejected: number; faulted: number } {
  const { received, accepted, rejected, faulted } = context.log.stats();
  return { received, accepted, rejected, faulted };
}

/** Everything that never changes while the emulator runs. */
export function staticState(context: EmulatorContext, backendUrl: string | undefined): Record<string, unknown> {
  return {
    apps: appViews(context),
    identitySources: context.options.identitySources.map((source) => ({ ...source })),
    connections: CONNECTION_NAMES.map((name) => ({ connection: name, family: CONNECTIONS[name].family, payloadKey: CONNECTIONS[name].payloadKey })),
    magic: MAGIC_PREFIXES.map((magic) => ({
      prefix: magic.prefix,
      statusCode: magic.statusCode,
      apiCode: 'apiCode' in magic ? magic.apiCode : undefined,
      meaning: magic.meaning,
    })),
    faultKinds: [...FAULT_KINDS],
    paths: { jwks: JWKS_PATH, discovery: DISCOVERY_PATH },
    faultHeader: context.options.faults,
    backendUrl: backendUrl ?? null,
  };
}
