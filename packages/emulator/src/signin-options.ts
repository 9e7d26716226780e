import { reject, type Rejection } from './envelope';
import { isAbsent, isPlainObject } from './payload-validation';

/** The scope a sign-in asked for. */
export interface RequestedScope {
  /** Space-separated, as returned in the answer's `scope`. */
  readonly scope: string;
  readonly scopes: ReadonlySet<string>;
}

/** The scope GenAuth uses when `options.scope` is not given. */
export const DEFAULT_SCOPE = 'openid profile';

const defaultScope: RequestedScope = { scope: DEFAULT_SCOPE, scopes: new Set(DEFAULT_SCOPE.split(' ')) };

/**
 * Reads the body's `options`. Unknown keys are ignored and `context`, `tenantId`, `customData` may hold
 * anything (mobile SDKs send `context` as a string); only `scope` is checked: it must contain `openid`.
 */
export function readScope(body: Readonly<Record<string, unknown>>): RequestedScope | Rejection {
  const options = body['options'];
  if (isAbsent(options)) return defaultScope;
  if (!isPlainObject(options)) return reject(400, 'options must be an object');
  const scope = options['scope'];
  if (scope === undefined || scope === null || scope === '') return defaultScope;
  if (typeof scope !== 'string') return reject(400, 'options.scope must be a string');
  const words = scope.split(/\s+/).filter((word) => word !== '');
  const scopes = new Set(words);
  if (!scopes.has('openid')) return reject(400, 'options.scope must contain openid');
  return { scope: [...scopes].join(' '), scopes };
}
