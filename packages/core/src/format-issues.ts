import type { z } from 'zod';

/** Common misspellings of option names, with the spelling GenAuth expects. */
const SPELLING_HINTS: Readonly<Record<string, string>> = {
  extIdpConnIdentifier: 'extIdpConnidentifier',
  extIdpConnectionIdentifier: 'extIdpConnidentifier',
  identifier: 'extIdpConnidentifier',
  secret: 'appSecret',
  clientSecret: 'appSecret',
  clientId: 'appId',
  host: 'appHost',
  domain: 'appHost',
  authMethod: 'tokenEndpointAuthMethod',
  timeout: 'timeoutMs',
};

/** Dotted path of a zod issue (`idToken.issuer`, `wxLoginInfo.code`). */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : String(key))).join('.').replace(/\.\[/g, '[');
}

/** Turns zod issues into one readable line per bad path, never echoing the offending values. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const at = prefix + issuePath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const hint = SPELLING_HINTS[key];
        const name = at ? `${at}.${key}` : key;
        lines.push(hint ? `${name}: unknown option; did you mean '${hint}'?` : `${name}: unknown option`);
      }
      continue;
    }
    lines.push(at ? `${at}: ${issue.message}` : issue.message);
  }
  return lines;
}
