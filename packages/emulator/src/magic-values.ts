import type { CredentialNoun } from './connections';
import { reject, type Rejection } from './envelope';

/** A documented prefix that makes the simulated provider (or GenAuth) refuse a credential. */
export interface MagicPrefix {
  readonly prefix: string;
  readonly statusCode: number;
  readonly apiCode?: number;
  /** `{credential}` stands for the connection's credential noun ("authorization code", "access token", "token"). */
  readonly message: string;
  readonly meaning: string;
}

/**
 * The magic prefixes, matched case-sensitively at the start of the connection's one-time credential
 * (the `code`, the `access_token`, Yidun's `token`, `wxLoginInfo.code`, `loginParams.code`, Baidu's code
 * else access_token). A magic value is refused every time and is never consumed.
 */
export const MAGIC_PREFIXES = [
  {
    prefix: 'invalid',
    statusCode: 602,
    message: 'The {credential} is invalid or has already been used',
    meaning: 'the provider rejects the credential',
  },
  { prefix: 'expired', statusCode: 602, message: 'The {credential} has expired', meaning: 'the provider says the credential expired' },
  { prefix: 'locked', statusCode: 403, apiCode: 2005, message: 'User is locked', meaning: 'the GenAuth user is locked' },
  {
    prefix: 'disabled',
    statusCode: 403,
    apiCode: 2120008,
    message: 'User is disabled or not a member of this tenant',
    meaning: 'the GenAuth user is disabled',
  },
  { prefix: 'mfa', statusCode: 400, apiCode: 1636, message: 'Multi-factor authentication is required', meaning: 'MFA required' },
  {
    prefix: 'bind',
    statusCode: 400,
    apiCode: 1640,
    message: 'This social account must be bound to an existing account',
    meaning: 'the social identity must be bound first',
  },
  {
    prefix: 'noreg',
    statusCode: 403,
    apiCode: 2031,
    message: 'This application does not allow registration',
    meaning: 'registration closed for a new social user',
  },
  { prefix: 'throttle', statusCode: 429, message: 'Too many requests, try again later', meaning: 'throttled' },
  {
    prefix: 'providerdown',
    statusCode: 601,
    message: 'Calling the identity provider failed',
    meaning: 'the provider could not be reached',
  },
] as const satisfies readonly MagicPrefix[];

/** One of the magic prefixes, e.g. `'expired'`. */
export type MagicPrefixName = (typeof MAGIC_PREFIXES)[number]['prefix'];

const replayTemplate = MAGIC_PREFIXES[0].message;

/** Fills `{credential}` in a message template. */
function fill(template: string, noun: CredentialNoun): string {
  return template.replace('{credential}', noun);
}

/** The rejection for a credential that starts with a magic prefix, if it does. */
export function magicRejection(credential: string, noun: CredentialNoun): Rejection | undefined {
  for (const magic of MAGIC_PREFIXES as readonly MagicPrefix[]) {
    if (credential.startsWith(magic.prefix)) return reject(magic.statusCode, fill(magic.message, noun), magic.apiCode);
  }
  return undefined;
}

/** The rejection for a credential that was already used once (what a provider says of a spent code). */
export function replayRejection(noun: CredentialNoun): Rejection {
  return reject(602, fill(replayTemplate, noun));
}

/** The rejection for a minted credential posted under another connection than the one it was minted for. */
export function wrongConnectionRejection(noun: CredentialNoun, mintedFor: string): Rejection {
  return reject(602, `The ${noun} is invalid: it was issued for connection ${mintedFor}`);
}
