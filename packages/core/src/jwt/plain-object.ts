/**
 * jose's `isObject`: a plain object (`{}` or `Object.create(null)`), not an array, class instance or
 * boxed value. JWK sets and their members must pass it.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** The same test for a value `JSON.parse` returned, which is a plain object whenever it is a non-array object. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
