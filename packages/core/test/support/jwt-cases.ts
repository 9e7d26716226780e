import { createSecretKey } from 'node:crypto';
import fc from 'fast-check';
import type { JwtCheck } from '../../src/jwt';
import { jwkOf, signatureOf, type JwtKeys, type Signer, type VerifyKey } from './jwt-keys';

/** Generators of (token, verifying key, check) for the differential test; keys are named here, resolved per run. */

export const ISS = 'https://tenant.genauth.example/oidc';
export const AUD = 'app-5f0c2b';
export const NOW = 1_760_000_000;
/** The claim values a refusal must never show. */
export const PERSONAL = { sub: 'user-7d1a', nonce: 'n-0S6_WzA2Mj', email: 'li.lei@example.cn', phone_number: '+8613800138000' } as const;

/** A member left out of a JSON object. */
const ABSENT = Symbol('absent');

function objectOf(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ABSENT));
}

/** Mostly `usual`, sometimes one of `odd`. */
function mostly(usual: fc.Arbitrary<unknown>, ...odd: unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: usual, weight: 4 }, { arbitrary: fc.constantFrom(...odd), weight: 1 });
}

// ---- the token -------------------------------------------------------------------------------

type Alg = 'RS256' | 'HS256';

const time = (base: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: fc.constant(NOW + base), weight: 6 },
    // Around every tolerance used (0, 1, 30, 60 s), on both sides, in whole and half seconds.
    { arbitrary: fc.constantFrom(-61, -60, -59, -31, -30, -29, -2, -1, 0, 1, 2, 29, 30, 31, 59, 60, 61).map((d) => NOW + d), weight: 6 },
    { arbitrary: fc.integer({ min: -70, max: 70 }).map((d) => NOW + d + 0.5), weight: 2 },
    { arbitrary: fc.constantFrom<unknown>(ABSENT, String(NOW + base), null, true, [NOW], 0, -1, 9_999_999_999), weight: 3 },
  );

const claims = fc.record({
  iss: mostly(fc.constant(ISS), 'https://other.example/oidc', '', 5, null, [ISS], ABSENT, `${ISS}/`),
  aud: mostly(fc.constantFrom<unknown>(AUD, AUD, [AUD], ['other-app', AUD]), ['other-app'], [], ABSENT, 5, 'other-app', [5, AUD], null, '', { aud: AUD }),
  sub: mostly(fc.constant(PERSONAL.sub), '', 42, null, { id: 1 }, ['u'], ABSENT, true),
  iat: time(-10),
  nbf: fc.oneof({ arbitrary: fc.constant(ABSENT), weight: 3 }, { arbitrary: time(-5), weight: 1 }),
  exp: time(600),
  nonce: fc.constantFrom<unknown>(ABSENT, PERSONAL.nonce),
  email: fc.constantFrom<unknown>(ABSENT, PERSONAL.email),
  phone_number: fc.constantFrom<unknown>(ABSENT, PERSONAL.phone_number),
});

/** Payloads that are not a usable claims set, or JSON read differently by sloppy decoders. */
const rawPayload = fc.constantFrom(
  '[]',
  '"claims"',
  '1',
  'null',
  '{',
  '',
  `\uFEFF${JSON.stringify({ iss: ISS, aud: AUD, sub: 'bom', iat: NOW, exp: NOW + 60 })}`,
  `{"iss":"${ISS}","aud":"${AUD}","sub":"big","iat":${NOW},"exp":1e400}`,
  `{"iss":"https://other.example","iss":"${ISS}","aud":"${AUD}","sub":"dup","iat":${NOW},"exp":${NOW + 60}}`,
  `{"iss":"${ISS}","aud":"${AUD}","sub":"dup","iat":${NOW},"exp":${NOW + 60},"__proto__":{"exp":1}}`,
);
const invalidUtf8Payload = Buffer.concat([
  Buffer.from(`{"iss":"${ISS}","aud":"${AUD}","sub":"`),
  Buffer.from([0xc3, 0x28, 0xff]),
  Buffer.from(`","iat":${NOW},"exp":${NOW + 60}}`),
]);

const payload = fc.oneof(
  { arbitrary: claims.map(objectOf), weight: 12 },
  { arbitrary: rawPayload.map((text) => Buffer.from(text)), weight: 1 },
  { arbitrary: fc.constant(invalidUtf8Payload), weight: 1 },
);

/** Header fields other than `alg` and `kid`. */
const headerExtras = fc.record({
  typ: fc.constantFrom<unknown>(ABSENT, ABSENT, 'JWT', 'at+jwt', 'application/jwt', 5),
  crit: fc.oneof(
    { arbitrary: fc.constant<unknown>(ABSENT), weight: 12 },
    { arbitrary: fc.constantFrom<unknown>(['b64'], ['exp'], [], [''], 'b64', ['b64', 'x-ext'], ['x-ext', 'b64'], null, [5], ['b64', 'b64']), weight: 3 },
  ),
  b64: fc.oneof({ arbitrary: fc.constant<unknown>(ABSENT), weight: 8 }, { arbitrary: fc.constantFrom<unknown>(true, false, 'false', null), weight: 2 }),
  embedded: fc.oneof(
    { arbitrary: fc.constant<'jku' | 'x5u' | 'jwk' | 'x5c' | typeof ABSENT>(ABSENT), weight: 8 },
    { arbitrary: fc.constantFrom('jku', 'x5u', 'jwk', 'x5c' as const), weight: 2 },
  ),
});

/** Keys a token may carry to name its own verifier; both verifiers must ignore them (`jwk` is replaced by the attacker's key). */
const EMBEDDED = {
  jku: 'https://attacker.example/jwks.json',
  x5u: 'https://attacker.example/cert.pem',
  x5c: ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'],
  jwk: 'replaced',
} as const;

const rawHeader = fc.constantFrom(
  '[]',
  'null',
  '"RS256"',
  '{',
  '',
  '{"alg":"none","alg":"RS256","kid":"a"}',
  '{"alg":"RS256","kid":"a","__proto__":{"alg":"none"}}',
  '\uFEFF{"alg":"HS256"}',
);

const algOf = (usual: Alg): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: fc.constant(usual), weight: 10 },
    { arbitrary: fc.constantFrom<unknown>('RS256', 'HS256', 'RS512', 'ES256', 'none', 'PS256', 'HS512', '', 5, null, ABSENT), weight: 3 },
  );
const kidOf = (usual: unknown): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: fc.constant(usual), weight: 10 },
    { arbitrary: fc.constantFrom<unknown>('a', 'b', 'c', 'small', 'ec', ABSENT, 5, null, ''), weight: 3 },
  );

/** Who signs: usually the key the header implies, sometimes another (key confusion, wrong key, no signature). */
type SignerName = 'match' | 'rsaA' | 'rsaB' | 'rsaSmall' | 'rsaAttacker' | 'rsaA-512' | 'ec' | 'secret' | 'wrongSecret' | 'pemSecret' | 'none';
const signer = fc.oneof(
  { arbitrary: fc.constant<SignerName>('match'), weight: 14 },
  {
    arbitrary: fc.constantFrom<SignerName>('rsaA', 'rsaB', 'rsaSmall', 'rsaAttacker', 'rsaA-512', 'ec', 'secret', 'wrongSecret', 'pemSecret', 'none'),
    weight: 3,
  },
);

/** Changes to the encoded segments made before signing: a signer that writes non-canonical base64url. */
type PreSign = 'none' | 'pad-header' | 'pad-payload' | 'space-payload' | 'newline-header' | 'std-alphabet-payload' | 'trailing-bits-payload' | 'junk-payload';
/** Changes to the signed token. */
type PostSign =
  | 'none'
  | 'flip-sig-bit'
  | 'truncate-sig'
  | 'drop-sig'
  | 'empty-sig'
  | 'pad-sig'
  | 'trailing-bits-sig'
  | 'std-alphabet-sig'
  | 'space-sig'
  | 'extra-segment'
  | 'jwe'
  | 'two-segments'
  | 'flip-payload-char';

const preSign = fc.oneof(
  { arbitrary: fc.constant<PreSign>('none'), weight: 20 },
  {
    arbitrary: fc.constantFrom<PreSign>(
      'pad-header',
      'pad-payload',
      'space-payload',
      'newline-header',
      'std-alphabet-payload',
      'trailing-bits-payload',
      'junk-payload',
    ),
    weight: 2,
  },
);
const postSign = fc.oneof(
  { arbitrary: fc.constant<PostSign>('none'), weight: 14 },
  {
    arbitrary: fc.constantFrom<PostSign>(
      'flip-sig-bit',
      'truncate-sig',
      'drop-sig',
      'empty-sig',
      'pad-sig',
      'trailing-bits-sig',
      'std-alphabet-sig',
      'space-sig',
      'extra-segment',
      'jwe',
      'two-segments',
      'flip-payload-char',
    ),
    weight: 5,
  },
);

export interface TokenSpec {
  readonly header: Record<string, unknown> | Buffer;
  readonly payload: Record<string, unknown> | Buffer;
  readonly signer: SignerName;
  readonly preSign: PreSign;
  readonly postSign: PostSign;
  readonly bit: number;
}

/**
 * RS256 tokens (signing costs a millisecond or two; signatures are remembered) carry one of a few
 * claim sets: the claim checks are the same for every alg and HS256 tokens exercise them in full.
 */
const rsPayload = fc.constantFrom<Record<string, unknown> | Buffer>(
  { iss: ISS, aud: AUD, sub: PERSONAL.sub, iat: NOW - 10, exp: NOW + 600, email: PERSONAL.email },
  { iss: ISS, aud: [AUD], sub: PERSONAL.sub, iat: NOW - 10, exp: NOW + 600, phone_number: PERSONAL.phone_number },
  { iss: ISS, aud: AUD, sub: PERSONAL.sub, iat: NOW - 10, exp: NOW - 30 },
  { iss: ISS, aud: AUD, sub: PERSONAL.sub, iat: NOW - 10, exp: NOW + 600, nbf: NOW + 45 },
  { iss: 'https://other.example/oidc', aud: AUD, sub: PERSONAL.sub, iat: NOW - 10, exp: NOW + 600 },
  { iss: ISS, aud: 'other-app', sub: PERSONAL.sub, iat: NOW - 10, exp: NOW + 600 },
  { iss: ISS, aud: AUD, iat: NOW - 10, exp: NOW + 600 },
  { iss: ISS, aud: AUD, sub: PERSONAL.sub, iat: String(NOW), exp: NOW + 600 },
  Buffer.from('[]'),
  Buffer.from(`\uFEFF{"iss":"${ISS}","aud":"${AUD}","sub":"bom","iat":${NOW},"exp":${NOW + 60}}`),
);

const tokenFor = (alg: Alg, kid: unknown): fc.Arbitrary<TokenSpec> =>
  fc.record({
    header: fc.oneof(
      {
        arbitrary: fc.tuple(algOf(alg), kidOf(kid), headerExtras).map(([a, k, extras]) =>
          objectOf({
            alg: a,
            kid: k,
            typ: extras.typ,
            crit: extras.crit,
            b64: extras.b64,
            ...(extras.embedded === ABSENT ? {} : { [extras.embedded]: EMBEDDED[extras.embedded] }),
          }),
        ),
        weight: 30,
      },
      { arbitrary: rawHeader.map((text) => Buffer.from(text)), weight: 1 },
    ),
    payload: alg === 'RS256' ? fc.oneof({ arbitrary: rsPayload, weight: 5 }, { arbitrary: payload, weight: 1 }) : payload,
    signer,
    preSign,
    postSign,
    bit: fc.nat(),
  });

// ---- the verifying side -------------------------------------------------------------------------

type MemberBase = 'rsaA' | 'rsaB' | 'rsaSmall' | 'rsaAttacker' | 'ec' | 'oct' | 'broken' | 'rsaA-private';
const NATURAL_KID: Record<MemberBase, string> = {
  rsaA: 'a',
  rsaB: 'b',
  rsaSmall: 'small',
  rsaAttacker: 'x',
  ec: 'ec',
  oct: 'o',
  broken: 'c',
  'rsaA-private': 'a',
};

const member = fc
  .record({
    base: fc.constantFrom<MemberBase>('rsaA', 'rsaA', 'rsaB', 'rsaB', 'rsaSmall', 'ec', 'oct', 'broken', 'rsaA-private'),
    kid: fc.oneof({ arbitrary: fc.constant<unknown>('natural'), weight: 6 }, { arbitrary: fc.constantFrom<unknown>('a', 'b', 'c', ABSENT, 5), weight: 3 }),
    alg: fc.constantFrom<unknown>(ABSENT, ABSENT, ABSENT, 'RS256', 'RS256', 'RS512', 'HS256', 'ES256'),
    use: fc.constantFrom<unknown>(ABSENT, ABSENT, ABSENT, 'sig', 'enc', 5),
    key_ops: fc.constantFrom<unknown>(ABSENT, ABSENT, ABSENT, ['verify'], ['sign'], 'verify', []),
    oth: fc.constantFrom<unknown>(ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, [], null),
  })
  .map((m) => ({ ...m, kid: m.kid === 'natural' ? NATURAL_KID[m.base] : m.kid }));
type MemberSpec = typeof member extends fc.Arbitrary<infer M> ? M : never;

export type KeySpec =
  | { readonly kind: 'jwks'; readonly members: readonly MemberSpec[] }
  | { readonly kind: 'standard-jwks' }
  | { readonly kind: 'malformed-jwks'; readonly jwks: unknown }
  | { readonly kind: 'secret'; readonly secret: 'secret' | 'pemSecret' | 'wrongSecret' | 'empty' }
  | { readonly kind: 'key'; readonly key: 'rsaA-public' | 'rsaSmall-public' | 'rsaA-private' | 'ec-public' | 'secret-key' };

const jwksSpec: fc.Arbitrary<KeySpec> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'standard-jwks' as const }), weight: 12 },
  { arbitrary: fc.array(member, { minLength: 1, maxLength: 4 }).map((members) => ({ kind: 'jwks' as const, members })), weight: 12 },
  {
    arbitrary: fc
      .constantFrom<unknown>({ keys: [1] }, { keys: 'k' }, null, [], { keys: [{}, []] }, {}, 'jwks')
      .map((jwks) => ({ kind: 'malformed-jwks' as const, jwks })),
    weight: 1,
  },
);
const secretSpec: fc.Arbitrary<KeySpec> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'secret' as const, secret: 'secret' as const }), weight: 6 },
  { arbitrary: fc.constantFrom('pemSecret', 'wrongSecret', 'empty' as const).map((secret) => ({ kind: 'secret' as const, secret })), weight: 1 },
);
const keySpec: fc.Arbitrary<KeySpec> = fc
  .constantFrom('rsaA-public', 'rsaSmall-public', 'rsaA-private', 'ec-public', 'secret-key' as const)
  .map((key) => ({ kind: 'key' as const, key }));

export interface CheckSpec {
  readonly algorithms: readonly Alg[];
  readonly issuer: string;
  readonly audience: string;
  readonly clockToleranceSec: number;
  readonly requiredClaims: readonly string[] | undefined;
  readonly ms: number;
}

const checkFor = (alg: Alg): fc.Arbitrary<CheckSpec> =>
  fc.record({
    algorithms: fc.oneof(
      { arbitrary: fc.constant<readonly Alg[]>([alg]), weight: 6 },
      { arbitrary: fc.constantFrom<readonly Alg[]>(['RS256', 'HS256'], ['HS256', 'RS256'], [], [alg === 'RS256' ? 'HS256' : 'RS256']), weight: 2 },
    ),
    issuer: fc.constantFrom(ISS, ISS, ISS, ISS, ''),
    audience: fc.constantFrom(AUD, AUD, AUD, AUD, ''),
    clockToleranceSec: fc.constantFrom(0, 1, 30, 60),
    requiredClaims: fc.constantFrom<readonly string[] | undefined>(
      ['sub', 'iat', 'exp'],
      ['sub', 'iat', 'exp'],
      undefined,
      ['sub'],
      ['exp', 'nonce'],
      ['toString'],
      [],
    ),
    ms: fc.integer({ min: 0, max: 999 }),
  });

export interface CaseSpec {
  readonly token: TokenSpec;
  readonly key: KeySpec;
  readonly check: CheckSpec;
}

/** A well-formed token for the usual setup: only its times (around the tolerance) and optional claims vary. */
const cleanClaims = fc.record({
  iss: fc.constant(ISS),
  aud: fc.constantFrom<unknown>(AUD, [AUD], ['other-app', AUD]),
  sub: fc.constant(PERSONAL.sub),
  iat: fc.integer({ min: -70, max: 70 }).map((d) => NOW + d),
  nbf: fc.constantFrom<unknown>(ABSENT, ABSENT, NOW - 61, NOW - 1, NOW, NOW + 1, NOW + 29, NOW + 30, NOW + 31, NOW + 60.5),
  exp: fc.constantFrom(-61, -60, -59, -31, -30, -29, -1, 0, 1, 2, 600, 600, 600, 3600, 3600).map((d) => NOW + d),
  nonce: fc.constantFrom<unknown>(ABSENT, PERSONAL.nonce),
  email: fc.constantFrom<unknown>(ABSENT, PERSONAL.email),
  phone_number: fc.constantFrom<unknown>(ABSENT, PERSONAL.phone_number),
});
/** RS256 signing costs a millisecond or two, so RS256 tokens draw from fewer claim sets (signatures are remembered); HS256 ones vary freely. */
const cleanRsClaims = fc.record({
  iss: fc.constant(ISS),
  aud: fc.constantFrom<unknown>(AUD, [AUD]),
  sub: fc.constant(PERSONAL.sub),
  iat: fc.constantFrom(NOW - 10, NOW + 31),
  nbf: fc.constantFrom<unknown>(ABSENT, NOW + 30),
  exp: fc.constantFrom(-61, -30, -1, 0, 1, 600).map((d) => NOW + d),
});
const cleanToken = (alg: Alg, kid: unknown): fc.Arbitrary<TokenSpec> =>
  fc.record({
    header: fc.constant(objectOf({ alg, kid, typ: 'JWT' })),
    payload: (alg === 'RS256' ? cleanRsClaims : cleanClaims).map(objectOf),
    signer: fc.constant<SignerName>('match'),
    preSign: fc.constant<PreSign>('none'),
    postSign: fc.constant<PostSign>('none'),
    bit: fc.nat(),
  });
const cleanCheck = (alg: Alg): fc.Arbitrary<CheckSpec> =>
  fc.record({
    algorithms: fc.constantFrom<readonly Alg[]>([alg], [alg], ['RS256', 'HS256']),
    issuer: fc.constant(ISS),
    audience: fc.constant(AUD),
    clockToleranceSec: fc.constantFrom(0, 1, 30, 60),
    requiredClaims: fc.constantFrom<readonly string[] | undefined>(['sub', 'iat', 'exp'], undefined, ['exp', 'nonce']),
    ms: fc.integer({ min: 0, max: 999 }),
  });

/** Mostly a coherent setup (RS256 via a JWKS, HS256 with the app secret) with some mutation; sometimes anything. */
export const caseSpec: fc.Arbitrary<CaseSpec> = fc.oneof(
  {
    arbitrary: fc.record({
      token: fc.constantFrom('a', 'b').chain((kid) => cleanToken('RS256', kid)),
      key: fc.constant<KeySpec>({ kind: 'standard-jwks' }),
      check: cleanCheck('RS256'),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({ token: cleanToken('HS256', ABSENT), key: fc.constant<KeySpec>({ kind: 'secret', secret: 'secret' }), check: cleanCheck('HS256') }),
    weight: 3,
  },
  { arbitrary: fc.record({ token: fc.constantFrom('a', 'b').chain((kid) => tokenFor('RS256', kid)), key: jwksSpec, check: checkFor('RS256') }), weight: 5 },
  { arbitrary: fc.record({ token: tokenFor('HS256', ABSENT), key: secretSpec, check: checkFor('HS256') }), weight: 5 },
  { arbitrary: fc.record({ token: tokenFor('RS256', 'a'), key: keySpec, check: checkFor('RS256') }), weight: 1 },
  {
    arbitrary: fc.record({
      token: fc.constantFrom<Alg>('RS256', 'HS256').chain((alg) => tokenFor(alg, 'a')),
      key: fc.oneof(jwksSpec, secretSpec, keySpec),
      check: fc.constantFrom<Alg>('RS256', 'HS256').chain(checkFor),
    }),
    weight: 2,
  },
);

// ---- building the concrete case ------------------------------------------------------------------

function memberJwk(keys: JwtKeys, spec: MemberSpec): Record<string, unknown> {
  const base: Record<MemberBase, () => Record<string, unknown>> = {
    rsaA: () => jwkOf(keys.public.rsaA),
    rsaB: () => jwkOf(keys.public.rsaB),
    rsaSmall: () => jwkOf(keys.public.rsaSmall),
    rsaAttacker: () => jwkOf(keys.public.rsaAttacker),
    ec: () => jwkOf(keys.public.ec),
    oct: () => ({ kty: 'oct', k: Buffer.from(keys.secret).toString('base64url') }),
    broken: () => ({ kty: 'RSA', n: 'not-a-modulus', e: 5 }),
    'rsaA-private': () => jwkOf(keys.rsaA),
  };
  return objectOf({ ...base[spec.base](), kid: spec.kid, alg: spec.alg, use: spec.use, key_ops: spec.key_ops, oth: spec.oth });
}

export function verifyKeyOf(keys: JwtKeys, spec: KeySpec): VerifyKey {
  switch (spec.kind) {
    case 'standard-jwks':
      return {
        kind: 'jwks',
        jwks: { keys: [jwkOf(keys.public.rsaA, { kid: 'a', alg: 'RS256', use: 'sig' }), jwkOf(keys.public.rsaB, { kid: 'b', alg: 'RS256', use: 'sig' })] },
      };
    case 'jwks':
      return { kind: 'jwks', jwks: { keys: spec.members.map((m) => memberJwk(keys, m)) } };
    case 'malformed-jwks':
      return { kind: 'jwks', jwks: spec.jwks };
    case 'secret':
      return { kind: 'secret', secret: spec.secret === 'empty' ? new Uint8Array(0) : keys[spec.secret] };
    case 'key': {
      const key = {
        'rsaA-public': keys.public.rsaA,
        'rsaSmall-public': keys.public.rsaSmall,
        'rsaA-private': keys.rsaA,
        'ec-public': keys.public.ec,
        'secret-key': createSecretKey(keys.secret),
      }[spec.key];
      return { kind: 'key', key };
    }
  }
}

export function checkOf(spec: CheckSpec): JwtCheck {
  return {
    algorithms: spec.algorithms,
    issuer: spec.issuer,
    audience: spec.audience,
    clockToleranceSec: spec.clockToleranceSec,
    requiredClaims: spec.requiredClaims,
    currentDate: new Date(NOW * 1000 + spec.ms),
  };
}

function signerOf(keys: JwtKeys, name: SignerName, header: Record<string, unknown> | Buffer): Signer {
  if (name === 'match') {
    const alg = Buffer.isBuffer(header) ? undefined : header.alg;
    const kid = Buffer.isBuffer(header) ? undefined : header.kid;
    if (alg === 'HS256') return { kind: 'hmac', secret: keys.secret };
    if (alg === 'ES256') return { kind: 'ec', key: keys.ec };
    if (alg === 'RS512') return { kind: 'rsa', key: keys.rsaA, hash: 'sha512' };
    if (alg === 'RS256' || alg === 'PS256') return { kind: 'rsa', key: kid === 'b' ? keys.rsaB : kid === 'small' ? keys.rsaSmall : keys.rsaA, hash: 'sha256' };
    return { kind: 'none' };
  }
  switch (name) {
    case 'rsaA-512':
      return { kind: 'rsa', key: keys.rsaA, hash: 'sha512' };
    case 'ec':
      return { kind: 'ec', key: keys.ec };
    case 'secret':
    case 'wrongSecret':
    case 'pemSecret':
      return { kind: 'hmac', secret: keys[name] };
    case 'none':
      return { kind: 'none' };
    default:
      return { kind: 'rsa', key: keys[name], hash: 'sha256' };
  }
}

function encode(part: Record<string, unknown> | Buffer): string {
  return (Buffer.isBuffer(part) ? part : Buffer.from(JSON.stringify(part))).toString('base64url');
}

/** The same bytes with the last character's unused low bits set: Node decodes it identically. */
function withTrailingBits(segment: string): string {
  const unused = segment.length % 4 === 2 ? 4 : segment.length % 4 === 3 ? 2 : 0;
  if (unused === 0) return `${segment}A`;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const value = alphabet.indexOf(segment.at(-1) as string);
  return segment.slice(0, -1) + (alphabet[value | ((1 << unused) - 1)] as string);
}

const stdAlphabet = (segment: string): string => segment.replace(/-/g, '+').replace(/_/g, '/');
const insertAt = (text: string, at: number, piece: string): string => text.slice(0, at) + piece + text.slice(at);

export function tokenOf(keys: JwtKeys, spec: TokenSpec): string {
  let header = encode(spec.header);
  let payload = encode(spec.payload);
  if (!Buffer.isBuffer(spec.header) && spec.header.jwk !== undefined) {
    header = encode({ ...spec.header, jwk: jwkOf(keys.public.rsaAttacker, { kid: spec.header.kid }) });
  }
  switch (spec.preSign) {
    case 'pad-header':
      header += '=';
      break;
    case 'pad-payload':
      payload += '==';
      break;
    case 'space-payload':
      payload = insertAt(payload, spec.bit % (payload.length + 1), ' ');
      break;
    case 'newline-header':
      header = insertAt(header, spec.bit % (header.length + 1), '\n');
      break;
    case 'std-alphabet-payload':
      payload = stdAlphabet(payload);
      break;
    case 'trailing-bits-payload':
      payload = withTrailingBits(payload);
      break;
    case 'junk-payload':
      payload = insertAt(payload, spec.bit % (payload.length + 1), '$');
      break;
    case 'none':
      break;
  }
  const input = `${header}.${payload}`;
  const embedsKey = !Buffer.isBuffer(spec.header) && spec.header.jwk !== undefined;
  const signer = embedsKey && spec.signer === 'match' ? 'rsaAttacker' : spec.signer;
  const signature = signatureOf(signerOf(keys, signer, spec.header), input);
  const sig = Buffer.from(signature, 'base64url');
  switch (spec.postSign) {
    case 'none':
      return `${input}.${signature}`;
    case 'flip-sig-bit': {
      if (sig.length === 0) return `${input}.AA`;
      const bit = spec.bit % (sig.length * 8);
      sig[bit >> 3] = (sig[bit >> 3] as number) ^ (1 << (bit & 7));
      return `${input}.${sig.toString('base64url')}`;
    }
    case 'truncate-sig':
      return `${input}.${sig.subarray(0, spec.bit % (sig.length + 1)).toString('base64url')}`;
    case 'drop-sig':
      return `${input}.`;
    case 'empty-sig':
      return `${input}.${Buffer.alloc(sig.length).toString('base64url')}`;
    case 'pad-sig':
      return `${input}.${signature}=`;
    case 'trailing-bits-sig':
      return `${input}.${withTrailingBits(signature)}`;
    case 'std-alphabet-sig':
      return `${input}.${stdAlphabet(signature)}`;
    case 'space-sig':
      return `${input}.${insertAt(signature, spec.bit % (signature.length + 1), ' ')}`;
    case 'extra-segment':
      return `${input}.${signature}.e30`;
    case 'jwe':
      return `${header}..${payload}.${signature}.e30`;
    case 'two-segments':
      return input;
    case 'flip-payload-char': {
      const at = spec.bit % Math.max(payload.length, 1);
      const replacement = payload[at] === 'A' ? 'B' : 'A';
      return `${header}.${payload.slice(0, at)}${replacement}${payload.slice(at + 1)}.${signature}`;
    }
  }
}
