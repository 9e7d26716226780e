import fc from 'fast-check';
import { ALL_ROUTES } from './target-app';
import { CONNECTIONS } from './strategies';

/** The credential field names any provider reads (body, query or header). */
export const CREDENTIAL_FIELDS = ['code', 'access_token', 'token', 'accessToken', 'encryptedData', 'iv', 'id_token', 'isSnsCode'] as const;
/** The nested payload objects of the mini-program connections. */
export const NESTED_FIELDS = ['wxLoginInfo', 'wxPhoneInfo', 'loginParams', 'phoneParams'] as const;
/** Keys that pollute prototypes when code copies them naively. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** One request to the app, as raw as it goes on the wire. */
export interface FuzzRequest {
  readonly route: string;
  readonly contentType: string | undefined;
  readonly body: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** The path with its query string. */
export function pathOf(request: FuzzRequest): string {
  return request.query ? `${request.route}?${request.query}` : request.route;
}

/** The headers to send: the fuzzed ones plus the content type. */
export function headersOf(request: FuzzRequest): Record<string, string> {
  return { ...request.headers, ...(request.contentType === undefined ? {} : { 'content-type': request.contentType }) };
}

const text = (value: unknown): string => JSON.stringify(value);
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 40 });
const looseString = fc.string({ unit: 'binary', maxLength: 40 });

/** A string too long for any credential field (limit 4,096; encrypted blobs 65,536), often around or beyond the body limit. */
export const hugeString = fc
  .oneof(fc.integer({ min: 4_097, max: 20_000 }), fc.integer({ min: 20_001, max: 70_000 }), fc.integer({ min: 70_001, max: 300_000 }))
  .map((length) => 'x'.repeat(length));

/** JSON scalars of every type, as JSON text. */
const scalar = fc.oneof(
  fc.constant('null'),
  fc.boolean().map(text),
  fc.integer().map(text),
  fc.double().map(text),
  fc.constant('""'),
  looseString.map(text),
  printable.map(text),
);

const anyKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<string>(...CREDENTIAL_FIELDS, ...NESTED_FIELDS, 'connection') },
  { weight: 2, arbitrary: fc.constantFrom<string>(...POLLUTION_KEYS) },
  { weight: 1, arbitrary: looseString },
);

/** Nested junk of any shape, with prototype-pollution keys inside, as JSON text. */
export const junkJson: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), tie('array')),
  object: fc.array(fc.tuple(anyKey, tie('value')), { maxLength: 5 }).map((entries) => `{${entries.map(([key, value]) => `${text(key)}:${value}`).join(',')}}`),
  array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
})).value;

/** Pollution attempts written as raw JSON, so the keys are literally `__proto__` etc. */
export const pollutionJson = fc.constantFrom(
  '{"__proto__":{"polluted":"yes","code":"from-proto"}}',
  '{"constructor":{"prototype":{"polluted":"yes","code":"from-proto"}}}',
  '{"code":{"__proto__":{"polluted":"yes"}}}',
  '{"wxLoginInfo":{"__proto__":{"code":"from-proto","polluted":"yes"}},"wxPhoneInfo":{"__proto__":{"code":"p"}}}',
  '{"loginParams":{"constructor":{"prototype":{"code":"from-proto","polluted":"yes"}}},"phoneParams":{}}',
  '{"prototype":{"polluted":"yes"},"__proto__":[1,2,3]}',
  '{"__proto__":null}',
);

/** A body of any kind: an object of junk, another JSON value, broken JSON, empty, a pollution attempt. */
const anyBody = fc.oneof(
  { weight: 6, arbitrary: junkJson.filter((json) => json.startsWith('{')) },
  { weight: 2, arbitrary: junkJson },
  { weight: 1, arbitrary: looseString },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: pollutionJson },
  { weight: 1, arbitrary: hugeString.map((huge) => `{"code":${text(huge)}}`) },
);

/** A `connection` entry for the single route: valid or junk, prefixed to an object body. */
const withConnection = (body: string, connection: string | undefined): string =>
  connection === undefined || !body.startsWith('{') ? body : `{"connection":${connection}${body === '{}' ? '' : ','}${body.slice(1)}`;
const connectionValue = fc.option(fc.oneof(fc.constantFrom(...CONNECTIONS).map(text), scalar), { nil: undefined });

export const contentTypes = fc.constantFrom<string | undefined>(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'multipart/form-data; boundary=zz',
  undefined,
);

const queryValue = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent), fc.constantFrom('%', '%zz', '%E0%A4%A', '', 'true'));
const queryKey = fc.oneof(
  fc.constantFrom<string>(...CREDENTIAL_FIELDS, ...NESTED_FIELDS, 'connection'),
  fc.constantFrom(
    '__proto__',
    '__proto__[polluted]',
    'constructor[prototype][polluted]',
    'prototype',
    'code[]',
    'code[0]',
    'code[__proto__]',
    'wxLoginInfo[code]',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 8 }).map(encodeURIComponent),
);
/** A query string of any keys, pollution forms included. */
export const anyQuery = fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 }).map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('&'));

const headerName = fc.oneof(
  fc.constantFrom<string>(...CREDENTIAL_FIELDS.map((field) => field.toLowerCase()), 'x-genauth-connection', 'authorization'),
  fc.constantFrom<string>(...POLLUTION_KEYS),
  fc.stringMatching(/^x-[a-z0-9-]{1,12}$/),
);
const headerValue = fc.oneof(
  printable,
  printable.map((value) => `Bearer ${value}`),
  fc.constantFrom(...CONNECTIONS),
);
/** Headers of any name a strategy might read, pollution names included. */
export const anyHeaders = fc.dictionary(headerName, headerValue, { maxKeys: 3 }).map((headers) => ({ ...headers }));

/** Any request to any login route. */
export const anyRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({
    route: fc.constantFrom(...ALL_ROUTES),
    contentType: contentTypes,
    body: anyBody,
    connection: connectionValue,
    query: anyQuery,
    headers: anyHeaders,
  })
  .map(({ connection, body, ...rest }) => ({ ...rest, body: withConnection(body, connection) }));

// ---- inputs that can never be a valid credential ------------------------------------------------

/** A value no string credential field accepts: another JSON type, or a string over every length limit. */
const notAString = fc.oneof(
  fc.boolean().map(text),
  fc.integer().map(text),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(text),
  fc.array(scalar, { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
  junkJson.filter((json) => json.startsWith('{')),
  hugeString.map(text),
);
/** An object whose every present field is wrong, with pollution keys that carry plausible values. */
const brokenObject = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom<string>(...CREDENTIAL_FIELDS), notAString),
      fc.tuple(
        fc.constantFrom<string>(...POLLUTION_KEYS),
        fc.constantFrom('{"code":"from-proto","token":"t","access_token":"a"}', '{"prototype":{"code":"c"}}'),
      ),
    ),
    { maxLength: 4 },
  )
  .map((entries) => `{${entries.map(([key, value]) => `${text(key)}:${value}`).join(',')}}`);
/** A value no nested payload (`wxLoginInfo` …) accepts as complete. */
const notANestedPayload = fc.oneof(fc.constant('null'), printable.map(text), fc.integer().map(text), fc.constant('[]'), brokenObject);

/** A JSON body in which every credential field present is invalid: no provider can accept it. */
export const invalidBody = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom<string>(...CREDENTIAL_FIELDS), notAString),
      fc.tuple(fc.constantFrom<string>(...NESTED_FIELDS), notANestedPayload),
      fc.tuple(
        fc.constantFrom<string>(...POLLUTION_KEYS),
        fc.constantFrom('{"code":"from-proto","polluted":"yes"}', '{"prototype":{"code":"c","polluted":"yes"}}', 'null'),
      ),
      fc.tuple(fc.constant('connection'), fc.oneof(fc.constantFrom(...CONNECTIONS).map(text), scalar)),
    ),
    { maxLength: 5 },
  )
  .map((entries) => `{${entries.map(([key, value]) => `${text(key)}:${value}`).join(',')}}`);

/** A query string that never supplies a usable credential: pollution forms, repeated or bracketed fields. */
export const invalidQuery = fc
  .array(
    fc.oneof(
      fc.constantFrom('__proto__[code]=x', '__proto__[polluted]=yes', 'constructor[prototype][polluted]=yes', 'constructor[prototype][code]=x', 'prototype=x'),
      fc.constantFrom<string>(...CREDENTIAL_FIELDS).map((field) => `${field}=a&${field}=b`),
      fc.constantFrom<string>(...NESTED_FIELDS).map((field) => `${field}=x`),
      fc.constantFrom<string>(...CONNECTIONS).map((connection) => `connection=${connection}`),
    ),
    { maxLength: 3 },
  )
  .map((parts) => parts.join('&'));

/** Headers that never supply a credential. */
export const invalidHeaders = fc
  .dictionary(
    fc.oneof(fc.constantFrom<string>(...POLLUTION_KEYS), fc.stringMatching(/^x-junk-[a-z0-9]{1,8}$/), fc.constant('x-genauth-connection')),
    fc.oneof(printable, fc.constantFrom(...CONNECTIONS)),
    { maxKeys: 3 },
  )
  .map((headers) => ({ ...headers, authorization: 'Basic bm90OmEtYmVhcmVy' }));

/** Any request whose credential can never be valid. */
export const invalidRequest: fc.Arbitrary<FuzzRequest> = fc.record({
  route: fc.constantFrom(...ALL_ROUTES),
  contentType: fc.constantFrom<string | undefined>('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/octet-stream', undefined),
  body: invalidBody,
  query: invalidQuery,
  headers: invalidHeaders,
});
