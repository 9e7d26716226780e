import type { ConnectionSpec, ObjectShape } from './connections';
import { reject, type Rejection } from './envelope';

/** The outcome of checking one connection payload. */
export type PayloadCheck =
  { readonly ok: true; readonly payload: Readonly<Record<string, unknown>>; readonly primary: string } | { readonly ok: false; readonly rejection: Rejection };

/** A JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** GenAuth treats `undefined`, `null`, `""` and `{}` alike: the field was not given. */
export function isAbsent(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  return isPlainObject(value) && Object.keys(value).length === 0;
}

/**
 * Checks the payload under the connection's payload key (and nothing else of the body), naming the
 * dotted path of the first missing or malformed field, and picks out the one-time credential.
 */
export function validatePayload(spec: ConnectionSpec, body: Readonly<Record<string, unknown>>): PayloadCheck {
  const raw = body[spec.payloadKey];
  if (!isAbsent(raw) && !isPlainObject(raw)) {
    return { ok: false, rejection: reject(400, `${spec.payloadKey} must be an object`) };
  }
  const payload = isPlainObject(raw) ? raw : {};
  const problem = checkObject(spec.shape, payload, spec.payloadKey);
  if (problem !== undefined) return { ok: false, rejection: reject(400, problem) };
  const primary = pickPrimary(spec, payload);
  if (primary === undefined) {
    // Unreachable while the table's `primary` paths are required by its shapes; kept as a guard.
    return { ok: false, rejection: reject(400, `${spec.payloadKey}.${spec.primary[0] ?? 'code'} is required`) };
  }
  return { ok: true, payload, primary };
}

function checkObject(shape: ObjectShape, value: Readonly<Record<string, unknown>>, path: string): string | undefined {
  for (const [name, field] of Object.entries(shape.fields)) {
    const fieldPath = `${path}.${name}`;
    const given = value[name];
    if (isAbsent(given)) {
      if (!field.required) continue;
      // An absent nested object is reported by its first required leaf: that names the real field.
      const nested = field.type === 'object' ? checkObject(field.shape, {}, fieldPath) : undefined;
      return nested ?? `${fieldPath} is required`;
    }
    if (field.type === 'object') {
      if (!isPlainObject(given)) return `${fieldPath} must be an object`;
      const nested = checkObject(field.shape, given, fieldPath);
      if (nested !== undefined) return nested;
    } else if (typeof given !== field.type) {
      return `${fieldPath} must be a ${field.type}`;
    }
  }
  for (const [a, b] of shape.pairs ?? []) {
    const hasA = !isAbsent(value[a]);
    const hasB = !isAbsent(value[b]);
    if (hasA && !hasB) return `${path}.${b} is required when ${path}.${a} is given`;
    if (hasB && !hasA) return `${path}.${a} is required when ${path}.${b} is given`;
  }
  if (shape.anyOf !== undefined && shape.anyOf.every((name) => isAbsent(value[name]))) {
    return `${shape.anyOf.map((name) => `${path}.${name}`).join(' or ')} is required`;
  }
  return undefined;
}

function pickPrimary(spec: ConnectionSpec, payload: Readonly<Record<string, unknown>>): string | undefined {
  for (const path of spec.primary) {
    const value = readPath(payload, path);
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** Reads a dotted path such as `wxLoginInfo.code` from a JSON object. */
export function readPath(value: Readonly<Record<string, unknown>>, path: string): unknown {
  let current: unknown = value;
  for (const segment of path.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}
