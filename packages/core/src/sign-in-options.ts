import { z } from 'zod';
import { ConfigurationError } from './errors';
import { describeIssues, PARSED_ONCE } from './format-issues';
import type { GenAuthSignInOptions } from './types';

/** The option keys GenAuth reads; anything else is never forwarded. */
export const SIGN_IN_OPTION_KEYS = ['scope', 'context', 'tenantId', 'customData'] as const;

const signInOptionsSchema = z.object({
  scope: z
    .string({ error: 'must be a space-separated string' })
    .refine((scope) => scope.split(/\s+/).includes('openid'), "must contain 'openid' (e.g. 'openid profile')")
    .optional(),
  context: z.unknown().optional(),
  // zod 4 answers every issue of a type with its own `error`: the empty string gets its own message.
  tenantId: z
    .string({ error: (issue) => ((issue.code as string) === 'too_small' ? 'must not be empty' : 'must be a string') })
    .min(1)
    .optional(),
  customData: z.unknown().optional(),
});

/** Picks the GenAuth option keys out of a larger object (strategy options, authenticate options). */
export function pickSignInOptions(source: object | undefined): GenAuthSignInOptions {
  const picked: Record<string, unknown> = {};
  if (!source) return picked;
  for (const key of SIGN_IN_OPTION_KEYS) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}

/** Checks sign-in options decided by the server; a bad value is a configuration error, not the user's. */
export function checkSignInOptions(options: GenAuthSignInOptions, where: string): GenAuthSignInOptions {
  // Server-side settings: parsed at construction, and per request only for a route's own options.
  const parsed = signInOptionsSchema.safeParse(options, PARSED_ONCE);
  if (parsed.success) return options;
  const lines = describeIssues(parsed.error.issues);
  throw new ConfigurationError(`Invalid GenAuth sign-in options from ${where}:\n  - ${lines.join('\n  - ')}`, lines);
}
