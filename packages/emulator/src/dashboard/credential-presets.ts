import { randomBytes } from 'node:crypto';
import { CONNECTIONS, isConnection, type Connection } from '../connections';
import type { ProviderIdentity } from '../credential-shapes';
import { MAGIC_PREFIXES } from '../magic-values';
import type { ProviderSimulator } from '../provider-simulator';

/** A credential for the page: the payload fields, and where the mobile app puts them. */
export interface PresetCredential {
  readonly connection: Connection;
  readonly payloadKey: string;
  readonly fields: Record<string, unknown>;
  /** The magic prefix used, when the credential is one. */
  readonly magic?: string;
}

function setPath(target: Record<string, unknown>, path: string, value: string): void {
  const segments = path.split('.');
  const last = segments.pop() ?? path;
  let node = target;
  for (const segment of segments) {
    const next = node[segment];
    if (typeof next !== 'object' || next === null) return;
    node = next as Record<string, unknown>;
  }
  node[last] = value;
}

/**
 * Mints a credential for `connection` and `identity`; with `magic`, its one-time value is replaced by
 * `<prefix>-<random>` so that GenAuth refuses it that way (the other fields stay valid). Throws a
 * TypeError naming a bad input.
 */
export function presetCredential(provider: ProviderSimulator, input: Readonly<Record<string, unknown>>): PresetCredential {
  const { connection, magic, user, name, email, phone } = input;
  if (!isConnection(connection)) throw new TypeError('connection must be one of the 32 connections');
  const identity: ProviderIdentity = { user: user as string };
  for (const [key, value] of [
    ['name', name],
    ['email', email],
    ['phone', phone],
  ] as const) {
    // An empty field of the page's form means "not given".
    if (value !== undefined && value !== '') identity[key] = value as string;
  }
  const fields = provider.mint(connection, identity) as unknown as Record<string, unknown>;
  const spec = CONNECTIONS[connection];
  if (magic === undefined || magic === null || magic === '') return { connection, payloadKey: spec.payloadKey, fields };
  if (!MAGIC_PREFIXES.some((entry) => entry.prefix === magic)) {
    throw new TypeError(`magic must be one of ${MAGIC_PREFIXES.map((entry) => entry.prefix).join(', ')}`);
  }
  setPath(fields, spec.mint[0] ?? 'code', `${magic as string}-${randomBytes(4).toString('hex')}`);
  return { connection, payloadKey: spec.payloadKey, fields, magic: magic as string };
}
