import type { Emulator } from '@passport-genauth/emulator';
import type { Express } from 'express';
import request from 'supertest';
import type { GenAuthClient } from '../../src';

/** What a scenario runs against. */
export interface ScenarioContext {
  readonly emulator: Emulator;
  readonly client: GenAuthClient;
  readonly app: Express;
}

/** One thing a backend lives through, and what the app (its client) must see, observed or not. */
export interface Scenario {
  readonly name: string;
  run(context: ScenarioContext): Promise<{ readonly status: number; readonly body: Record<string, unknown> }>;
  readonly status: number;
  readonly code?: string;
  /** The result of the last authenticate (or, without one, of the last exchange) it publishes. */
  readonly result: 'success' | 'fail' | 'error';
}

async function signIn({ emulator, app }: ScenarioContext, user: string) {
  const res = await request(app)
    .post('/auth/wechat')
    .send(emulator.mintCredential('wechat', { user, email: `${user}@example.com`, phone: '+8613800138000' }));
  return { status: res.status, body: res.body as Record<string, unknown> };
}

/** The scenarios both OpenTelemetry suites run: with the API and an SDK, and with the API absent. */
export const SCENARIOS: readonly Scenario[] = [
  { name: 'a login', run: (context) => signIn(context, 'ann'), status: 200, result: 'success' },
  {
    name: 'a missing credential',
    run: async ({ app }) => {
      const res = await request(app).post('/auth/wechat').send({});
      return { status: res.status, body: res.body };
    },
    status: 400,
    code: 'GENAUTH_INVALID_CREDENTIALS',
    result: 'fail',
  },
  {
    name: 'a locked user',
    run: async ({ app }) => {
      const res = await request(app).post('/auth/wechat').send({ code: 'locked-user-1' });
      return { status: res.status, body: res.body };
    },
    status: 401,
    code: 'GENAUTH_SIGNIN_REJECTED',
    result: 'fail',
  },
  {
    name: 'GenAuth resetting the connection',
    run: async (context) => {
      context.emulator.injectFaults({ kind: 'reset' });
      return signIn(context, 'bob');
    },
    status: 502,
    code: 'GENAUTH_HTTP',
    result: 'error',
  },
  {
    name: 'a bearer check',
    run: async (context) => {
      const login = await signIn(context, 'cy');
      const res = await request(context.app)
        .get('/api/me')
        .set('authorization', `Bearer ${(login.body.tokens as { accessToken: string }).accessToken}`);
      return { status: res.status, body: res.body };
    },
    status: 200,
    result: 'success',
  },
  {
    name: 'a refresh and a revocation',
    run: async (context) => {
      const login = await signIn(context, 'dee');
      const { refreshToken } = login.body.tokens as { refreshToken: string };
      const { tokens } = await context.client.refresh(refreshToken);
      await context.client.revoke(tokens.refreshToken, { tokenTypeHint: 'refresh_token' });
      return { status: 200, body: {} };
    },
    status: 200,
    result: 'success',
  },
];
