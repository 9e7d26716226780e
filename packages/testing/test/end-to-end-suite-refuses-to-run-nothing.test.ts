import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';
import { assertEndToEndCoverage } from '../src';

const known = authorizationCodeProvider({ connection: 'wechat', payloadKey: 'wechatPayload', title: 'WeChat' });
const unknown = authorizationCodeProvider({ connection: 'acme_id', payloadKey: 'acmeIdPayload', title: 'Acme' });

describe('describeEndToEnd coverage', () => {
  it('passes for a family whose every connection the emulator knows', () => {
    expect(() => assertEndToEndCoverage({ WechatStrategy: defineStrategy(known) })).not.toThrow();
  });

  it('fails, naming the connection, instead of silently running no test for a connection the emulator does not know', () => {
    expect(() => assertEndToEndCoverage({ WechatStrategy: defineStrategy(known), AcmeStrategy: defineStrategy(unknown) })).toThrow(
      'the GenAuth emulator does not know acme_id',
    );
  });

  it('fails for a module without any strategy class', () => {
    expect(() => assertEndToEndCoverage({ notAStrategy: 1 })).toThrow('found no strategy class');
  });
});
