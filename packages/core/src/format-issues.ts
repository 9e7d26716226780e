import type { z } from 'zod';

/** Common misspellings of client option names. */
export const CLIENT_SPELLING_HINTS: Readonly<Record<string, string>> = {
  secret: 'appSecret',
  clientSecret: 'appSecret',
  clientId: 'appId',
  host: 'appHost',
  domain: 'appHost',
  authMethod: 'tokenEndpointAuthMethod',
  timeout: 'timeoutMs',
};

/** Common misspellings of strategy option names (a strategy also takes the client options inline). */
export const STRATEGY_SPELLING_HINTS: Readonly<Record<string, string>> = {
  ...CLIENT_SPELLING_HINTS,
  extIdpConnIdentifier: 'extIdpConnidentifier',
  extIdpConnectionIdentifier: 'extIdpConnidentifier',
  identifier: 'extIdpConnidentifier',
};

/** Dotted path of a zod issue (`idToken.issuer`, `wxLoginInfo.code`). */
export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : String(key)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** Turns zod issues into one readable line per bad path, never echoing the offending values. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], hints: Readonly<Record<string, string>> = CLIENT_SPELLING_HINTS): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const at = issuePath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const hint = hints[key];
        const name = at ? `${at}.${key}` : key;
        lines.push(hint ? `${name}: unknown option; did you mean '${hint}'?` : `${name}: unknown option`);
      }
      continue;
    }
    lines.push(at ? `${at}: ${issue.message}` : issue.message);
  }
  return lines;
}

/**
 * How options are parsed: once, at construction. zod compiles an object schema's fast path (`new
 * Function`) on its first parse, which pays off only for schemas parsed on every request; for options
 * it was about a third of constructing a client or a strategy in a fresh process (bench/PROFILE.md).
 */
export const PARSED_ONCE = { jitless: true } as const;
