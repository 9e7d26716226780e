/**
 * Type-level tests of the bearer strategy and the lifecycle methods: compiled by the root
 * `tsc -p tsconfig.json` (each `@ts-expect-error` must meet an error). Jest only runs the constructions.
 */
import {
  GenAuthBearerStrategy,
  GenAuthClient,
  type AccessTokenClaims,
  type BearerVerifyClaims,
  type GenAuthRefresh,
  type IntrospectionResult,
  type UserInfoClaims,
  type VerifyCallback,
} from '@passport-genauth/core';
import { expectTypeOf } from 'expect-type';
import type { Request } from 'express';

const client = new GenAuthClient({ appHost: 'https://my-app.genauth.ai', appId: 'app-1', appSecret: 's', revocationEndpointAuthMethod: 'none' });
const built: GenAuthBearerStrategy[] = [];

built.push(
  new GenAuthBearerStrategy({ client, scopes: ['openid'] }, (claims, done) => {
    expectTypeOf(claims).toEqualTypeOf<BearerVerifyClaims>();
    expectTypeOf(claims.app).toEqualTypeOf<string | undefined>();
    expectTypeOf(claims).toMatchTypeOf<AccessTokenClaims>();
    expectTypeOf(claims.sub).toEqualTypeOf<string>();
    expectTypeOf(claims.jti).toEqualTypeOf<string>();
    expectTypeOf(claims.scope).toEqualTypeOf<string>();
    expectTypeOf(done).toEqualTypeOf<VerifyCallback>();
    done(null, { id: claims.sub });
  }),
  new GenAuthBearerStrategy({ client, passReqToCallback: true }, (req: Request, claims, done) => {
    expectTypeOf(req.path).toEqualTypeOf<string>();
    done(null, { id: claims.sub });
  }),
  new GenAuthBearerStrategy({ client, introspect: true, introspectCacheMs: 0 }, async (claims) => ({ id: claims.sub })),
  new GenAuthBearerStrategy({ appHost: 'https://my-app.genauth.ai', appId: 'app-1', tokenEndpointAuthMethod: 'none' }, async () => false),
);

/** Never called: what must not compile. */
function refusedAtCompileTime(): void {
  // @ts-expect-error: a client and inline settings at once
  new GenAuthBearerStrategy({ client, appId: 'x' }, () => undefined);
  // @ts-expect-error: an unknown token location
  new GenAuthBearerStrategy({ client, tokenLocations: ['cookie'] }, () => undefined);
}

async function lifecycle(): Promise<void> {
  expectTypeOf(client.verifyAccessToken('t', { scopes: ['openid'] })).resolves.toEqualTypeOf<AccessTokenClaims>();
  const refreshed = await client.refresh('rt', { scope: 'openid profile' });
  expectTypeOf(refreshed).toEqualTypeOf<GenAuthRefresh>();
  expectTypeOf(refreshed.tokens.refreshToken).toEqualTypeOf<string>();
  expectTypeOf(client.revoke('t', { tokenTypeHint: 'refresh_token' })).resolves.toEqualTypeOf<void>();
  const answer = await client.introspect('t');
  expectTypeOf(answer).toEqualTypeOf<IntrospectionResult>();
  if (answer.active) expectTypeOf(answer.clientId).toEqualTypeOf<string>();
  expectTypeOf(client.userInfo('t')).resolves.toEqualTypeOf<UserInfoClaims>();
  // @ts-expect-error: not a token type hint
  await client.revoke('t', { tokenTypeHint: 'id_token' });
}

describe('the bearer strategy and lifecycle types', () => {
  it('build the strategies above, named genauth-bearer', async () => {
    expect(built.map((strategy) => strategy.name)).toEqual(['genauth-bearer', 'genauth-bearer', 'genauth-bearer', 'genauth-bearer']);
    expect([typeof lifecycle, typeof refusedAtCompileTime]).toEqual(['function', 'function']);
    await Promise.all(built.map((strategy) => (strategy.client as GenAuthClient).close()));
  });
});
