import { bearerToken, extractCredentials, type ExtractionPlan } from '../src';

const plan = (extra: Partial<ExtractionPlan> = {}): ExtractionPlan => ({ fields: ['code', 'access_token'], renames: {}, bearerField: undefined, ...extra });

describe('credentials from an Authorization Bearer header', () => {
  const token = (authorization: unknown) => bearerToken({ headers: { authorization } as Record<string, string> });

  it('reads the token after the scheme, whatever the case of the scheme and however many spaces follow it', () => {
    expect(token('Bearer abc')).toBe('abc');
    expect(token('bearer abc')).toBe('abc');
    expect(token('BEARER   abc')).toBe('abc');
  });

  it('allows trailing white space after the token', () => {
    expect(token('Bearer abc ')).toBe('abc');
    expect(token('Bearer abc \t ')).toBe('abc');
  });

  it('refuses a header that is not exactly the scheme and one token', () => {
    expect(token('Bearer abc def')).toBeUndefined();
    expect(token('XBearer abc')).toBeUndefined();
    expect(token('Bearer')).toBeUndefined();
    expect(token('Bearer ')).toBeUndefined();
    expect(token('Bearerabc')).toBeUndefined();
    expect(token('Basic abc')).toBeUndefined();
    expect(token(['Bearer abc'])).toBeUndefined();
    expect(bearerToken({ headers: {} })).toBeUndefined();
  });
});

describe('credentials from the request body, query and headers', () => {
  it('reads only own body properties, never inherited ones, and nothing from a body that is not an object', () => {
    const inherited = Object.create({ code: 'from-prototype' }) as Record<string, unknown>;
    expect(extractCredentials({ headers: {}, body: inherited }, plan())).toEqual({});
    expect(extractCredentials({ headers: {}, body: 'code=x' }, plan())).toEqual({});
    expect(extractCredentials({ headers: {}, body: null }, plan())).toEqual({});
    expect(extractCredentials({ headers: {}, body: { code: 'c', other: 'o' } }, plan())).toEqual({ code: 'c' });
  });

  it('reads a renamed field under its request name only', () => {
    const renamed = plan({ renames: { code: 'authCode' } });
    expect(extractCredentials({ headers: {}, body: { authCode: 'a', code: 'c' } }, renamed)).toEqual({ code: 'a' });
    expect(extractCredentials({ headers: {}, body: { code: 'c' } }, renamed)).toEqual({});
  });

  it('reads the query string only when the plan opts in, and only for a field the body lacks or leaves empty', () => {
    const req = { headers: {}, body: { code: '' }, query: { code: 'q', access_token: 't' } };
    expect(extractCredentials(req, plan())).toEqual({});
    expect(extractCredentials(req, plan({ query: true }))).toEqual({ code: 'q', access_token: 't' });
    expect(extractCredentials({ ...req, body: { code: 'b' } }, plan({ query: true }))).toEqual({ code: 'b', access_token: 't' });
  });

  it('reads a named header only for its own field, and an empty header as absent', () => {
    const headers = { 'x-code': 'h', 'x-empty': '' };
    expect(extractCredentials({ headers }, plan({ headers: { code: 'x-code' } }))).toEqual({ code: 'h' });
    expect(extractCredentials({ headers }, plan({ headers: { code: 'x-empty' } }))).toEqual({});
    expect(extractCredentials({ headers, body: { code: 'b' } }, plan({ headers: { code: 'x-code' } }))).toEqual({ code: 'b' });
  });

  it('reads Authorization: Bearer only for the bearer field of the plan, after the body', () => {
    const headers = { authorization: 'Bearer tok' };
    expect(extractCredentials({ headers }, plan())).toEqual({});
    expect(extractCredentials({ headers }, plan({ bearerField: 'access_token' }))).toEqual({ access_token: 'tok' });
    expect(extractCredentials({ headers, body: { access_token: 'body' } }, plan({ bearerField: 'access_token' }))).toEqual({ access_token: 'body' });
  });
});
