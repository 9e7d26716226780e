import fc from 'fast-check';
import { anyRequest, headersOf, hugeString, invalidRequest, pathOf, type FuzzRequest } from './support/arbitraries';
import type { Answer } from './support/http';
import { ALL_ROUTES, BODY_LIMIT_BYTES, MOBILE_ROUTE, routeFor, targetApp } from './support/target-app';
import { useHarness } from './support/harness';
import { prototypeKeys } from './support/watch-process';
import vm from 'node:vm';

/** Runs per property: enough to hit every route many times, bounded so the file stays well under a minute. */
const RUNS = 300;

const prototypesBefore = prototypeKeys();
const target = useHarness(targetApp);

const send = (request: FuzzRequest): Promise<Answer> => target.http.post({ path: pathOf(request), body: request.body, headers: headersOf(request) });

/** What reached GenAuth while `action` ran (requests are sent one at a time). */
async function upstreamCallsDuring<T>(action: () => Promise<T>): Promise<{ result: T; calls: number }> {
  const before = target.emulator.stats().received;
  const result = await action();
  return { result, calls: target.emulator.stats().received - before };
}

describe('random bodies, queries and headers on all 32 routes and the single route', () => {
  it('are answered 400/413 without reaching GenAuth, or (when valid-shaped) 200/401 after exactly one exchange; never 5xx', async () => {
    const seen: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(anyRequest, async (request) => {
        const { result: answer, calls } = await upstreamCallsDuring(() => send(request));
        seen[answer.status] = (seen[answer.status] ?? 0) + 1;
        expect([200, 400, 401, 413]).toContain(answer.status);
        expect(answer.contentType).toMatch(/^application\/json/);
        // 400/413: refused before any upstream call; 200/401: the credential was valid-shaped, so exactly one call.
        expect(calls).toBe(answer.status === 200 || answer.status === 401 ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
    // Most generated inputs are invalid: the property must mostly be exercising refusals.
    expect(seen[400] ?? 0).toBeGreaterThan(RUNS / 3);
  });

  it('never reach GenAuth when no credential field can be valid (wrong types, over-long, pollution keys)', async () => {
    const before = target.emulator.stats().received;
    await fc.assert(
      fc.asyncProperty(invalidRequest, async (request) => {
        const answer = await send(request);
        expect([400, 413]).toContain(answer.status);
        if (answer.status === 400) expect(answer.json).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS' });
      }),
      {
        numRuns: RUNS,
        examples: [
          [{ route: routeFor('wechat'), contentType: 'application/json', body: '{"__proto__":{"code":"from-proto"}}', query: '', headers: {} }],
          [
            {
              route: routeFor('wechat_mini_program_code_and_phone'),
              contentType: 'application/json',
              body: '{"wxLoginInfo":{"__proto__":{"code":"a"}},"wxPhoneInfo":{"__proto__":{"code":"b"}}}',
              query: '',
              headers: {},
            },
          ],
          [
            {
              route: MOBILE_ROUTE,
              contentType: 'application/json',
              body: '{"constructor":{"prototype":{"connection":"wechat","code":"a"}}}',
              query: '__proto__[connection]=wechat&__proto__[code]=x',
              headers: {},
            },
          ],
          [
            {
              route: routeFor('facebook'),
              contentType: undefined,
              body: '',
              query: 'constructor[prototype][access_token]=x&access_token=a&access_token=b',
              headers: { authorization: 'Basic eDp5' },
            },
          ],
        ],
      },
    );
    expect(target.emulator.stats().received - before).toBe(0);
  });

  it('refuse over-long credential strings with 400 below the body limit and 413 above it, never calling GenAuth', async () => {
    const before = target.emulator.stats().received;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ALL_ROUTES),
        hugeString,
        fc.constantFrom('code', 'access_token', 'token', 'wxLoginInfo'),
        async (route, huge, field) => {
          const body =
            field === 'wxLoginInfo'
              ? JSON.stringify({ connection: 'wechat', wxLoginInfo: { code: huge } })
              : JSON.stringify({ connection: 'wechat', [field]: huge });
          const answer = await target.http.post({ path: route, body, headers: { 'content-type': 'application/json' } });
          expect(answer.status).toBe(Buffer.byteLength(body) > BODY_LIMIT_BYTES ? 413 : 400);
        },
      ),
      { numRuns: 100 },
    );
    expect(target.emulator.stats().received - before).toBe(0);
  });

  it('refuse headers larger than Node accepts with 431 before the app runs', async () => {
    const before = target.emulator.stats().received;
    const answer = await target.http.post({ path: routeFor('wechat'), body: '{}', headers: { 'content-type': 'application/json', code: 'x'.repeat(20_000) } });
    expect(answer.status).toBe(431);
    expect(target.emulator.stats().received - before).toBe(0);
  });
});

describe('after the whole run', () => {
  it('no global object is polluted', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).code).toBeUndefined();
    expect(vm.runInThisContext('({}).polluted')).toBeUndefined();
    expect(prototypeKeys()).toEqual(prototypesBefore);
  });

  it('the app still logs a valid user in', async () => {
    const answer = await target.http.postJson(routeFor('apple'), target.emulator.mintCredential('apple', { user: 'after-fuzz' }));
    expect(answer.status).toBe(200);
  });

  it('no promise was rejected unhandled', () => {
    expect(target.rejections.seen).toEqual([]);
  });
});
