import Hapi from '@hapi/hapi';
import type { GenAuthClient, GenAuthProfile, TokenSet } from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';
import { genauthLogin } from './genauth-login';

/** Options of `createServer`. */
export interface ServerOptions {
  /** The shared GenAuth client (close it yourself). */
  readonly client: GenAuthClient;
  /** GenAuth user ids (`sub`) that verify refuses. */
  readonly suspended?: ReadonlySet<string>;
}

/**
 * A hapi server with `POST /auth/wechat`: the `genauthLogin` prerequisite signs in, the handler answers
 * `{ user, tokens }`. JSON bodies up to 64 kB. Not started: call `server.start()` or `server.inject()`.
 */
export function createServer({ client, suspended = new Set() }: ServerOptions): Hapi.Server {
  const verify = async (_tokens: TokenSet, profile: GenAuthProfile) =>
    suspended.has(profile.id) ? null : { id: profile.id, connection: profile.connection, displayName: profile.displayName };
  const wechat = new WechatStrategy({ client, extIdpConnidentifier: 'wechat' }, verify);
  const server = Hapi.server({ host: '127.0.0.1', port: 0 });
  server.route({
    method: 'POST',
    path: '/auth/wechat',
    options: { payload: { maxBytes: 64 * 1024 }, pre: [genauthLogin(wechat)], handler: (request) => request.pre.login as object },
  });
  return server;
}
