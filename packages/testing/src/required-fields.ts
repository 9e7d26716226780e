import type { Provider } from '@passport-genauth/core';

type Json = Record<string, unknown>;

function leafPaths(value: Json, prefix: string[] = []): string[][] {
  return Object.entries(value).flatMap(([key, child]) =>
    child !== null && typeof child === 'object' && !Array.isArray(child)
      ? [[...prefix, key], ...leafPaths(child as Json, [...prefix, key])]
      : [[...prefix, key]],
  );
}

/** A deep copy of `value` without the field at `path`. */
export function without(value: Json, path: readonly string[]): Json {
  const copy = structuredClone(value);
  let target: Json = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Json;
  delete target[path[path.length - 1]!];
  return copy;
}

/**
 * The field paths of a provider's example whose absence its schema rejects: derived from the schema
 * itself, so the conformance suite checks what the provider really requires.
 */
export function requiredFieldPaths(provider: Provider): string[][] {
  const example = provider.example as Json;
  return leafPaths(example).filter((path) => !provider.credentials.safeParse(without(example, path)).success);
}
