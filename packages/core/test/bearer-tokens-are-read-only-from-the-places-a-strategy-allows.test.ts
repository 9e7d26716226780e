import { AccessTokenError, type BearerTokenLocation } from '@passport-genauth/core';
import { readBearerToken } from '../src/bearer-token';
import type { GenAuthRequest } from '../src/request';

const FORM = 'application/x-www-form-urlencoded';
const at = (...locations: BearerTokenLocation[]) => new Set(locations);

function refusalOf(req: GenAuthRequest, locations: ReadonlySet<BearerTokenLocation>) {
  try {
    readBearerToken(req, locations);
  } catch (error) {
    expect(error).toBeInstanceOf(AccessTokenError);
    const { error: rfc6750, status, message } = error as AccessTokenError;
    return { error: rfc6750, status, message };
  }
  throw new Error('expected the request to be refused');
}

describe('the Authorization header of a bearer request', () => {
  it('is read around surrounding spaces and tabs', () => {
    expect(readBearerToken({ headers: { authorization: '  Bearer abc.def  ' } }, at('header'))).toBe('abc.def');
    expect(readBearerToken({ headers: { authorization: 'Bearer \tabc.def' } }, at('header'))).toBe('abc.def');
  });

  it('is not read when the strategy allows only the body', () => {
    expect(readBearerToken({ headers: { authorization: 'Bearer abc.def' } }, at('body'))).toBeUndefined();
  });
});

describe('the access_token of a form body', () => {
  it('is read from a form whatever the case and spacing of its content type', () => {
    const req = { headers: { 'content-type': 'Application/X-WWW-Form-Urlencoded ; charset=UTF-8' }, body: { access_token: 'from-body' } };
    expect(readBearerToken(req, at('body'))).toBe('from-body');
  });

  it('is not read from a body that is not a form, or has no content type', () => {
    expect(readBearerToken({ headers: { 'content-type': 'application/json' }, body: { access_token: 'from-json' } }, at('body'))).toBeUndefined();
    expect(readBearerToken({ headers: {}, body: { access_token: 'untyped' } }, at('body'))).toBeUndefined();
  });

  it('is not read unless the strategy allows the body', () => {
    expect(readBearerToken({ headers: { 'content-type': FORM }, body: { access_token: 'from-body' } }, at('header'))).toBeUndefined();
  });

  it('counts as no token when absent, empty or not a string, so a header token alone is read', () => {
    const header = { authorization: 'Bearer from-header', 'content-type': FORM };
    for (const body of [{}, { access_token: '' }, { access_token: 42 }]) {
      expect(readBearerToken({ headers: header, body, query: { access_token: '' } }, at('header', 'body', 'query'))).toBe('from-header');
    }
  });
});

describe('a token sent in more than one way', () => {
  it('is refused as invalid_request naming the rule', () => {
    const req = { headers: { authorization: 'Bearer one', 'content-type': FORM }, body: { access_token: 'two' } };
    expect(refusalOf(req, at('header', 'body'))).toEqual({
      error: 'invalid_request',
      status: 400,
      message: 'Send the access token in exactly one way (RFC 6750 §2)',
    });
  });
});
