import { createHash, randomBytes } from 'node:crypto';
import { CONNECTIONS, isConnection, type Connection, type ConnectionSpec } from './connections';
import type { MintedCredential, ProviderIdentity } from './credential-shapes';
import type { Rejection } from './envelope';
import { magicRejection, replayRejection, wrongConnectionRejection } from './magic-values';
import { readPath } from './payload-validation';

/** A provider user resolved from a credential, with the GenAuth user id it maps to. */
export interface ResolvedUser {
  readonly sub: string;
  readonly identity: ProviderIdentity;
  /** True when the identity came from `mintCredential` (its email/phone are then provider-verified). */
  readonly minted: boolean;
}

interface Registration {
  readonly connection: Connection;
  readonly user: ResolvedUser;
}

/**
 * The GenAuth user id for a provider user: 24 hex characters, the same for every login of the same
 * user through the same connection.
 */
export function subjectFor(connection: Connection, user: string): string {
  return createHash('sha256').update(`${connection}:${user}`).digest('hex').slice(0, 24);
}

/** Stands in for the 32 providers: mints one-time credentials and accepts each one once. */
export class ProviderSimulator {
  readonly #minted = new Map<string, Registration>();
  readonly #consumed = new Set<string>();

  /** Mints fresh credential fields for `connection`, registered to `identity`. */
  mint<C extends Connection>(connection: C, identity: ProviderIdentity): MintedCredential<C> {
    if (!isConnection(connection)) throw new TypeError(`Unknown connection: ${String(connection)}`);
    const checked = checkIdentity(identity);
    const spec = CONNECTIONS[connection];
    const fields: Record<string, unknown> = {};
    for (const path of spec.mint) writePath(fields, path, freshValue(path));
    const primary = readPath(fields, spec.mint[0] ?? '');
    if (typeof primary !== 'string') throw new Error(`No credential path for ${connection}`);
    const user: ResolvedUser = { sub: subjectFor(connection, checked.user), identity: checked, minted: true };
    this.#minted.set(primary, { connection, user });
    return fields as unknown as MintedCredential<C>;
  }

  /**
   * Exchanges a one-time credential: a magic value is refused (not consumed), a used one is refused,
   * anything else is consumed and mapped to its user (minted, or derived from a hash of the value).
   */
  exchange(spec: ConnectionSpec, credential: string): ResolvedUser | Rejection {
    const magic = magicRejection(credential, spec.noun);
    if (magic !== undefined) return magic;
    const registration = this.#minted.get(credential);
    if (registration !== undefined && registration.connection !== spec.connection) {
      return wrongConnectionRejection(spec.noun, registration.connection);
    }
    const key = `${spec.connection}\n${credential}`;
    if (this.#consumed.has(key)) return replayRejection(spec.noun);
    this.#consumed.add(key);
    if (registration !== undefined) return registration.user;
    const user = `user-${createHash('sha256').update(credential).digest('hex').slice(0, 12)}`;
    return { sub: subjectFor(spec.connection, user), identity: { user }, minted: false };
  }

  /** Forgets which credentials were used (minted ones stay registered to their users). */
  reset(): void {
    this.#consumed.clear();
  }
}

function checkIdentity(identity: ProviderIdentity): ProviderIdentity {
  if (typeof identity !== 'object' || identity === null) throw new TypeError('identity must be an object');
  if (typeof identity.user !== 'string' || identity.user === '') throw new TypeError('identity.user must be a non-empty string');
  const checked: ProviderIdentity = { user: identity.user };
  for (const key of ['name', 'email', 'phone'] as const) {
    const value: unknown = identity[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new TypeError(`identity.${key} must be a string`);
    checked[key] = value;
  }
  return checked;
}

function freshValue(path: string): string {
  if (path.endsWith('encryptedData')) return randomBytes(96).toString('base64');
  if (path.endsWith('iv')) return randomBytes(16).toString('base64');
  // The `em_` prefix keeps a minted value from ever starting with a magic prefix.
  return `em_${randomBytes(18).toString('base64url')}`;
}

function writePath(target: Record<string, unknown>, path: string, value: string): void {
  const segments = path.split('.');
  const last = segments.pop() ?? path;
  let node = target;
  for (const segment of segments) {
    const next = node[segment];
    if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
    else node = node[segment] = {};
  }
  node[last] = value;
}
