import { getAuthFailure, type GenAuthFailure } from '@passport-genauth/core';
import { MockGenAuth, mockRequest, runStrategy } from '@passport-genauth/testing';
import { YidunStrategy } from '../src';

// The conformance suite checks that the message contains the field name, and "token" is inside
// "accessToken"; these tests pin the exact field each 400 names.
describe('Yidun needs both the Yidun token and the carrier accessToken', () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    ['token', { accessToken: 'carrier-access-code' }, ['token']],
    ['accessToken', { token: 'yidun-token' }, ['accessToken']],
    ['token and accessToken', {}, ['token', 'accessToken']],
  ];

  it.each(cases)('answers 400 naming exactly %s when missing, without calling GenAuth', async (_missing, body, fields) => {
    const genauth = await MockGenAuth.start();
    try {
      const req = mockRequest({ body });
      const strategy = new YidunStrategy({ client: genauth.client(), extIdpConnidentifier: 'yidun' }, () => ({ id: 'y' }));
      expect(await runStrategy(strategy, req)).toMatchObject({ type: 'fail', status: 400 });
      const failure = getAuthFailure(req) as GenAuthFailure;
      expect(failure.fields).toEqual(fields);
      expect(failure.message).toBe(`Invalid NetEase Yidun one-click login credentials: ${fields.map((f) => `${f} is required`).join('; ')}`);
      expect(genauth.requests).toEqual([]);
    } finally {
      await genauth.close();
    }
  });
});
