/**
 * Type-level tests: compiled by the root `tsc -p tsconfig.json` (each `@ts-expect-error` must meet an
 * error, or tsc fails). Jest runs the file too, which only checks that the constructions below work.
 */
import {
  GenAuthClient,
  defineStrategy,
  type GenAuthProfile,
  type GenAuthRequest,
  type GenAuthStrategy,
  type TokenSet,
  type VerifyCallback,
} from '@passport-genauth/core';
import { expectTypeOf } from 'expect-type';
import type { Request } from 'express';
import { MockAgent } from 'undici';
import { CodeStrategy, TokenStrategy, codeProvider } from './support/providers';

const client = new GenAuthClient({ appHost: 'https://my-app.genauth.ai', appId: 'app-1', appSecret: 's' });
const built: GenAuthStrategy[] = [];

// Without passReqToCallback: (tokens, profile, done).
built.push(
  new CodeStrategy({ client, extIdpConnidentifier: 'wechat-mobile' }, (tokens, profile, done) => {
    expectTypeOf(tokens).toEqualTypeOf<TokenSet>();
    expectTypeOf(tokens.accessToken).toEqualTypeOf<string>();
    expectTypeOf(tokens.idToken).toEqualTypeOf<string>();
    expectTypeOf(tokens.refreshToken).toEqualTypeOf<string | undefined>();
    expectTypeOf(tokens.tokenType).toEqualTypeOf<'Bearer'>();
    expectTypeOf(tokens.expiresIn).toEqualTypeOf<number>();
    expectTypeOf(profile).toEqualTypeOf<GenAuthProfile>();
    expectTypeOf(profile.id).toEqualTypeOf<string>();
    expectTypeOf(profile.provider).toEqualTypeOf<'genauth'>();
    expectTypeOf(profile.displayName).toEqualTypeOf<string>();
    expectTypeOf(done).toEqualTypeOf<VerifyCallback>();
    expectTypeOf(done).parameter(1).toEqualTypeOf<Express.User | false | null | undefined>();
    expectTypeOf(done).parameter(2).toEqualTypeOf<object | undefined>();
    done(null, { id: profile.id });
    done(null, false, { message: 'refused' });
    done(null, null);
    done(new Error('db down'));
  }),
);

// A promise-returning verify without done, and an explicit passReqToCallback: false.
built.push(new CodeStrategy({ client, extIdpConnidentifier: 'x', passReqToCallback: false }, async (_tokens, profile) => ({ id: profile.id })));
built.push(new CodeStrategy({ client, extIdpConnidentifier: 'x' }, async () => false));

// With passReqToCallback: true: (req, tokens, profile, done).
built.push(
  new CodeStrategy({ client, extIdpConnidentifier: 'x', passReqToCallback: true }, (req, tokens, profile, done) => {
    expectTypeOf(req).toEqualTypeOf<GenAuthRequest>();
    expectTypeOf(tokens.accessToken).toEqualTypeOf<string>();
    expectTypeOf(profile.id).toEqualTypeOf<string>();
    expectTypeOf(done).parameter(1).toEqualTypeOf<Express.User | false | null | undefined>();
    done(null, { id: profile.id });
  }),
);

// A strategy class made by defineStrategy is generic in the request type: with an Express request
// as the type argument, verify, options(req) and credentials(req) all get it. A subclass,
// `class X extends defineStrategy(p) {}`, cannot take the type argument, but still accepts callbacks
// whose `req` is annotated with the framework's request type (see below).
const GenericCodeStrategy = defineStrategy(codeProvider);
built.push(
  new GenericCodeStrategy<Request>(
    {
      client,
      extIdpConnidentifier: 'x',
      passReqToCallback: true,
      options: (req) => {
        expectTypeOf(req).toEqualTypeOf<Request>();
        return { tenantId: req.get('x-tenant') ?? 'default' };
      },
      credentials: (req) => ({ code: req.get('x-code') }),
    },
    async (req, _tokens, profile) => {
      expectTypeOf(req).toEqualTypeOf<Request>();
      return { id: profile.id, ip: req.ip };
    },
  ),
);
// An annotated Express request in verify is inferred as the request type too.
built.push(
  new GenericCodeStrategy({ client, extIdpConnidentifier: 'x', passReqToCallback: true }, async (req: Request, _tokens: TokenSet, profile: GenAuthProfile) => ({
    id: profile.id,
    ip: req.ip,
  })),
);

// On a subclass (how every provider package exports its strategies), annotating req as express's Request works.
built.push(
  new CodeStrategy(
    { client, extIdpConnidentifier: 'x', passReqToCallback: true, options: (req: Request) => ({ tenantId: req.get('x-tenant') ?? 'default' }) },
    async (req: Request, _tokens: TokenSet, profile: GenAuthProfile) => ({ id: profile.id, ip: req.ip }),
  ),
);

// Inline client settings instead of a client.
const inlineDispatcher = new MockAgent();
built.push(
  new TokenStrategy({ appHost: 'https://my-app.genauth.ai', appId: 'app-1', dispatcher: inlineDispatcher, extIdpConnidentifier: 'fb' }, async () => null),
);

// A provider field may be renamed; a field the provider does not read may not.
built.push(new CodeStrategy({ client, extIdpConnidentifier: 'x', fields: { code: 'authCode' } }, async () => null));
built.push(new TokenStrategy({ client, extIdpConnidentifier: 'x', fields: { access_token: 'token', id_token: 'lineIdToken' } }, async () => null));

/** Never called: each construction must be a type error (several would also throw at runtime). */
export function refusedByTheTypes(): void {
  // @ts-expect-error 'authCode' is not a field of the code provider
  void (() => new CodeStrategy({ client, extIdpConnidentifier: 'x', fields: { authCode: 'code' } }, async () => null));

  // @ts-expect-error 'code' belongs to another provider
  void (() => new TokenStrategy({ client, extIdpConnidentifier: 'x', fields: { code: 'c' } }, async () => null));

  // A (req, tokens, profile, done) verify needs passReqToCallback: true.
  void (() =>
    // @ts-expect-error the verify takes req first but passReqToCallback is not set
    new CodeStrategy({ client, extIdpConnidentifier: 'x' }, (req: GenAuthRequest, tokens: TokenSet, profile: GenAuthProfile, done: VerifyCallback) =>
      done(null, { id: profile.id, req, tokens }),
    ));

  void (() =>
    // @ts-expect-error the verify takes req first but passReqToCallback is false
    new CodeStrategy(
      { client, extIdpConnidentifier: 'x', passReqToCallback: false },
      (req: GenAuthRequest, tokens: TokenSet, profile: GenAuthProfile, done: VerifyCallback) => done(null, { id: profile.id, req, tokens }),
    ));

  void (() =>
    // @ts-expect-error with passReqToCallback: true the first argument is the request, not the tokens
    new CodeStrategy({ client, extIdpConnidentifier: 'x', passReqToCallback: true }, (tokens: TokenSet, profile: GenAuthProfile) => ({
      id: profile.id,
      tokens,
    })));

  // @ts-expect-error client and inline appHost together
  void (() => new CodeStrategy({ client, appHost: 'https://my-app.genauth.ai', extIdpConnidentifier: 'x' }, async () => null));

  // @ts-expect-error client and inline appSecret together
  void (() => new CodeStrategy({ client, appSecret: 's', extIdpConnidentifier: 'x' }, async () => null));

  // @ts-expect-error neither a client nor an appHost/appId
  void (() => new CodeStrategy({ extIdpConnidentifier: 'x' }, async () => null));

  // @ts-expect-error extIdpConnidentifier is required
  void (() => new CodeStrategy({ client }, async () => null));

  // @ts-expect-error the misspelt extIdpConnIdentifier is not an option
  void (() => new CodeStrategy({ client, extIdpConnIdentifier: 'x' }, async () => null));

  // @ts-expect-error verify is required
  void (() => new CodeStrategy({ client, extIdpConnidentifier: 'x' }));

  // @ts-expect-error tokenEndpointAuthMethod is one of three methods
  void (() => new GenAuthClient({ appHost: 'https://my-app.genauth.ai', appId: 'a', tokenEndpointAuthMethod: 'private_key_jwt' }));
}

describe('strategy constructor types', () => {
  afterAll(async () => {
    await client.close();
    await inlineDispatcher.close();
  });

  it('builds each well-typed strategy (the type checks run in tsc)', () => {
    expect(built).toHaveLength(10);
    for (const strategy of built) expect(typeof strategy.authenticate).toBe('function');
    expect(built.map((strategy) => strategy.name)).toEqual([
      ...Array<string>(7).fill('genauth-test-code'),
      'genauth-test-token',
      'genauth-test-code',
      'genauth-test-token',
    ]);
    expect(typeof refusedByTheTypes).toBe('function');
  });
});
