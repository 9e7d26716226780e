import type { z } from 'zod';
import { issuePath } from './format-issues';

/** Readable lines and the request field paths behind a failed credential validation. */
export interface CredentialProblems {
  readonly lines: string[];
  readonly fields: string[];
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/**
 * Names every problem by the path the app sent (renamed top-level fields included), so that a
 * nested pair reads `wxLoginInfo.iv is required when wxLoginInfo.encryptedData is given` and a
 * one-of rule lists each candidate field.
 */
export function describeCredentialIssues(issues: readonly z.core.$ZodIssue[], renames: Readonly<Record<string, string>>): CredentialProblems {
  const lines: string[] = [];
  const fields: string[] = [];
  for (const issue of issues) {
    const segments = issue.path.map((key, index) => (index === 0 ? (renames[String(key)] ?? String(key)) : key));
    const at = (name: string, parent: readonly PropertyKey[]) => issuePath([...parent, parent.length === 0 ? (renames[name] ?? name) : name]);
    const params = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined;
    const oneOf = stringList(params?.oneOf);
    const requiredWith = stringList(params?.requiredWith);
    if (oneOf) {
      const names = oneOf.map((name) => at(name, segments));
      fields.push(...names);
      lines.push(`one of ${names.join(' or ')} is required`);
      continue;
    }
    const path = issuePath(segments);
    if (path) fields.push(path);
    const message = requiredWith ? `is required when ${requiredWith.map((name) => at(name, segments.slice(0, -1))).join(' and ')} is given` : issue.message;
    lines.push(path ? `${path} ${message}` : message);
  }
  return { lines, fields };
}
