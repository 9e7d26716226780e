import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { JwtErrorCode } from '../src/jwt';
import { PERSONAL, caseSpec, checkOf, tokenOf, verifyKeyOf, type CaseSpec } from './support/jwt-cases';
import { joseVerdict, makeJwtKeys, ourVerdict, prepareKeys, type JwtKeys, type PreparedKeys, type Verdict } from './support/jwt-keys';

const CODES: readonly JwtErrorCode[] = [
  'ERR_JWS_INVALID',
  'ERR_JWT_INVALID',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JWS_KEY_UNUSABLE',
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JWKS_INVALID',
];
// The suite always generates 10,000 cases. `pnpm mutation` runs this file for every mutant of the
// verifier and sets JWT_DIFFERENTIAL_RUNS lower (stryker.config.mjs); it never goes above 10,000.
const RUNS = Math.min(10_000, Number(process.env.JWT_DIFFERENTIAL_RUNS) || 10_000);
// A fixed seed (stryker.config.mjs sets one): with fewer cases, a random draw may miss a rare verdict,
// and every mutant must meet the very same cases.
const SEED = process.env.JWT_DIFFERENTIAL_SEED ? Number(process.env.JWT_DIFFERENTIAL_SEED) : undefined;

/**
 * jose's code in our terms. jose throws a bare `TypeError` for a key that does not fit the `alg`
 * (ours: `ERR_JWS_KEY_UNUSABLE`) and lets Node's own error out when a selected JWKS member cannot be
 * imported (ours: `ERR_JWKS_INVALID`).
 */
function expectedCode(joseCode: string): string {
  if ((CODES as readonly string[]).includes(joseCode)) return joseCode;
  return joseCode === 'TypeError' ? 'ERR_JWS_KEY_UNUSABLE' : 'ERR_JWKS_INVALID';
}

/** Whether every segment is canonical base64url (no padding, whitespace, `+`, `/` or stray bits), when there are three. */
function canonical(token: string): boolean {
  const parts = token.split('.');
  return parts.length !== 3 || parts.every((part) => Buffer.from(part, 'base64url').toString('base64url') === part);
}

/**
 * What of the token or its claims a refusal shows in any of its own properties (message, stack,
 * code, claim, reason, a cause if there were one). jwt-errors-carry-no-token-data.test.ts also
 * checks `util.inspect` output, once per code; that is too slow to run 10,000 times.
 */
function shownOf(error: unknown, token: string): string[] {
  const own = error as Record<string, unknown>;
  const shown = Object.getOwnPropertyNames(own)
    .map((name) => String(own[name]))
    .join('\n');
  return [...Object.values(PERSONAL), ...token.split('.').filter((part) => part.length >= 8)].filter((value) => shown.includes(value));
}

function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

function describeCase(spec: CaseSpec, token: string, jose: Verdict, ours: Verdict): string {
  const verdict = (v: Verdict) => (v.ok ? `accepted ${JSON.stringify(v.payload)}` : `refused ${v.code} (${String((v.error as Error).message)})`);
  return `token ${token}\ncase ${JSON.stringify(spec, (_k, v: unknown) => (Buffer.isBuffer(v) ? `<bytes ${v.toString('hex')}>` : v))}\njose: ${verdict(jose)}\nours: ${verdict(ours)}`;
}

describe('the synchronous JWT verifier against jose 5 jwtVerify', () => {
  let keys: JwtKeys;
  beforeAll(async () => {
    keys = await makeJwtKeys();
  }, 60_000);

  it(`accepts and refuses exactly the tokens jose does, with the same payload and error code (and never shows the token in a refusal), over ${RUNS} generated cases`, async () => {
    const seen = new Map<string, number>();
    const preparedKeys = new Map<string, PreparedKeys>();
    const count = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

    await fc.assert(
      fc.asyncProperty(caseSpec, async (spec) => {
        const token = tokenOf(keys, spec.token);
        const check = checkOf(spec.check);
        // Keys are set up once per distinct key spec, as an app parses its JWKS once.
        const keyId = JSON.stringify(spec.key);
        let prepared = preparedKeys.get(keyId);
        if (prepared === undefined) {
          prepared = prepareKeys(verifyKeyOf(keys, spec.key));
          preparedKeys.set(keyId, prepared);
        }
        if (isVerdict(prepared.jose) || isVerdict(prepared.ours)) {
          // A malformed key set is refused when it is parsed, by both, before any token.
          count('key set refused');
          if (!isVerdict(prepared.jose) || !isVerdict(prepared.ours) || prepared.jose.ok || prepared.ours.ok || prepared.jose.code !== prepared.ours.code) {
            throw new Error(`the key set was not refused alike: ${JSON.stringify(spec.key)}`);
          }
          return;
        }
        const jose = await joseVerdict(token, prepared.jose, check);
        const ours = ourVerdict(token, prepared.ours, check);
        if (!ours.ok && shownOf(ours.error, token).length > 0)
          throw new Error(`the refusal shows ${shownOf(ours.error, token).join(', ')}\n${describeCase(spec, token, jose, ours)}`);
        // Non-canonical base64url (padding, whitespace, `+`/`/`, stray bits) is compared like any other token.
        if (!canonical(token)) count(jose.ok ? 'non-canonical, accepted' : 'non-canonical, refused');
        count(ours.ok ? 'accepted' : ours.code);
        if (jose.ok !== ours.ok) throw new Error(`jose and ours disagree\n${describeCase(spec, token, jose, ours)}`);
        if (jose.ok && ours.ok && !isDeepStrictEqual(jose.payload, ours.payload))
          throw new Error(`different payloads\n${describeCase(spec, token, jose, ours)}`);
        if (!jose.ok && !ours.ok && expectedCode(jose.code) !== ours.code) throw new Error(`different error codes\n${describeCase(spec, token, jose, ours)}`);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );

    if (process.env.JWT_DIFFERENTIAL_STATS) process.stdout.write(`${JSON.stringify(Object.fromEntries([...seen].sort()), null, 2)}\n`);
    // The generators reach every outcome, each many times: a verdict never seen would be a verdict never compared.
    expect(seen.get('accepted')).toBeGreaterThan(RUNS / 10);
    expect(CODES.filter((code) => (seen.get(code) ?? 0) < RUNS / 2000)).toEqual([]);
    expect(seen.get('non-canonical, accepted')).toBeGreaterThan(0);
    expect(seen.get('non-canonical, refused')).toBeGreaterThan(0);
  }, 180_000);
});
