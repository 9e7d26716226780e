import { Writable } from 'node:stream';
import { getAuthFailure, type GenAuthFailure } from '@passport-genauth/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { genauth, type GenAuthFastifyOptions, type LoginStrategy } from '../../src';

/** What a test app saw: error log lines and the failure `getAuthFailure(request)` found after each request. */
export interface Seen {
  readonly errorLogs: { msg: string; err?: { message: string; code?: string } }[];
  readonly failures: (GenAuthFailure | undefined)[];
  /** `getAuthFailure(request.raw)` after each request. */
  readonly failuresOnRaw: (GenAuthFailure | undefined)[];
}

/** A logger destination that keeps the JSON lines Fastify's logger writes. */
function capture(into: Seen['errorLogs']): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      into.push(JSON.parse(chunk.toString('utf8')));
      done();
    },
  });
}

/** A Fastify app with `POST <path>` → `preValidation: genauth(strategy, options)` → `{ user, tokens }` per route. */
export function fastifyApp(routes: Record<string, LoginStrategy | string>, options: GenAuthFastifyOptions = {}): { app: FastifyInstance; seen: Seen } {
  const seen: Seen = { errorLogs: [], failures: [], failuresOnRaw: [] };
  const app = Fastify({ logger: { level: 'error', stream: capture(seen.errorLogs) } });
  app.addHook('onResponse', async (request) => {
    seen.failures.push(getAuthFailure(request));
    seen.failuresOnRaw.push(getAuthFailure(request.raw));
  });
  for (const [path, strategy] of Object.entries(routes)) {
    app.post(path, { preValidation: genauth(strategy, options) }, async (request) => ({ user: request.user, tokens: request.authInfo }));
  }
  return { app, seen };
}
