import {
  AccessTokenError,
  ClientAuthError,
  GrantRejectedError,
  HttpError,
  InvalidResponseError,
  OAuthRequestError,
  UpstreamError,
} from '@passport-genauth/core';
import { readOAuthResponse, type Secrets } from '../src/oauth-response';

/** What `readOAuthResponse` throws for an answer. */
function thrownFor(status: number, body: unknown, secrets: Secrets = [], allowEmpty = false): Error & { status?: number; error?: string } {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  try {
    readOAuthResponse({ status, contentType: 'application/json', text }, 'introspection', secrets, allowEmpty);
  } catch (error) {
    return error as Error & { status?: number; error?: string };
  }
  throw new Error('expected the answer to be refused');
}

describe('the description GenAuth gives with an OAuth error', () => {
  it('is left out when it is blank', () => {
    expect(thrownFor(400, { error: 'invalid_request', error_description: '   ' }).message).toBe('GenAuth refused the introspection request (invalid_request)');
  });

  it('is kept whole up to 200 characters and cut with an ellipsis beyond', () => {
    const exact = 'd'.repeat(200);
    expect(thrownFor(400, { error: 'invalid_request', error_description: exact }).message).toBe(
      `GenAuth refused the introspection request (invalid_request: ${exact})`,
    );
    expect(thrownFor(400, { error: 'invalid_request', error_description: `${exact}e` }).message).toBe(
      `GenAuth refused the introspection request (invalid_request: ${exact}…)`,
    );
  });

  it('has every secret replaced, and an empty or absent secret replaces nothing', () => {
    const error = thrownFor(400, { error: 'invalid_request', error_description: 'token tk-1 for app s3cr3t' }, ['', 'tk-1', undefined, 's3cr3t']);
    expect(error.message).toBe('GenAuth refused the introspection request (invalid_request: token [redacted] for app [redacted])');
  });
});

describe('an OAuth error answer', () => {
  it('is typed by its error: client, token, scope and upstream failures each get their class and status', () => {
    const cases: [string, number, unknown, number][] = [
      ['invalid_grant', 400, GrantRejectedError, 401],
      ['invalid_client', 401, ClientAuthError, 500],
      ['unauthorized_client', 400, ClientAuthError, 500],
      ['invalid_token', 401, AccessTokenError, 401],
      ['insufficient_scope', 403, AccessTokenError, 403],
      ['server_error', 500, UpstreamError, 502],
      ['server_error', 503, UpstreamError, 503],
      ['temporarily_unavailable', 500, UpstreamError, 503],
      ['invalid_scope', 400, OAuthRequestError, 400],
    ];
    for (const [oauth, status, type, answered] of cases) {
      const error = thrownFor(status, { error: oauth });
      expect([oauth, error.constructor, error.status]).toEqual([oauth, type, answered]);
    }
    expect(thrownFor(403, { error: 'insufficient_scope' }).error).toBe('insufficient_scope');
    expect(thrownFor(401, { error: 'invalid_token' }).error).toBe('invalid_token');
  });

  it('is an error even with a 2xx status, but an empty error string is not an OAuth error', () => {
    expect(thrownFor(200, { error: 'invalid_request' })).toBeInstanceOf(OAuthRequestError);
    const empty = thrownFor(400, { error: '' });
    expect([empty.constructor, empty.message]).toEqual([HttpError, 'GenAuth answered HTTP 400 at introspection without an OAuth error']);
  });
});

describe('an answer that is not an OAuth error', () => {
  const read = (status: number, text: string, allowEmpty = false) =>
    readOAuthResponse({ status, contentType: 'application/json', text }, 'revocation', [], allowEmpty);

  it('is the JSON object of any 2xx status, from 200 to 299', () => {
    expect(read(200, '{"active":false}')).toEqual({ active: false });
    expect(read(299, '{"active":false}')).toEqual({ active: false });
  });

  it('is an HTTP failure just outside 2xx, keeping 503 and 504 and answering 502 otherwise', () => {
    for (const [status, answered] of [
      [199, 502],
      [300, 502],
      [500, 502],
      [503, 503],
      [504, 504],
    ] as const) {
      const error = thrownFor(status, '{"active":false}');
      expect([status, error.constructor, error.status]).toEqual([status, HttpError, answered]);
    }
  });

  it('may be empty only where allowed, and only when blank', () => {
    expect(read(200, '  ', true)).toEqual({});
    expect(thrownFor(200, '  ')).toBeInstanceOf(InvalidResponseError);
    expect(thrownFor(200, 'null', [], true)).toBeInstanceOf(InvalidResponseError);
  });
});
