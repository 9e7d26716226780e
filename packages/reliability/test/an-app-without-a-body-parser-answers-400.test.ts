import fc from 'fast-check';
import { anyRequest, headersOf, invalidRequest, pathOf } from './support/arbitraries';
import { STRATEGY_CLASSES } from './support/strategies';
import { appWithoutBodyParser, MOBILE_ROUTE, routeFor } from './support/target-app';
import { useHarness } from './support/harness';
import { prototypeKeys } from './support/watch-process';

const RUNS = 200;
const NO_PARSER_HINT = /has a body but nothing parsed it.*body parser/i;

const prototypesBefore = prototypeKeys();
const target = useHarness(appWithoutBodyParser);

describe('an app that mounts no body parser', () => {
  it.each(STRATEGY_CLASSES.map((Strategy) => [Strategy.provider.connection, Strategy.provider.example] as const))(
    '%s: a valid JSON credential in the unparsed body is a 400 that names the missing body parser, with no upstream call',
    async (connection, example) => {
      const before = target.emulator.stats().received;
      const answer = await target.http.postJson(routeFor(connection), example);
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', message: expect.stringMatching(NO_PARSER_HINT) });
      expect(target.emulator.stats().received).toBe(before);
    },
  );

  it('the single route also names the missing body parser when the connection is in the unparsed body', async () => {
    const before = target.emulator.stats().received;
    const answer = await target.http.postJson(MOBILE_ROUTE, { connection: 'wechat', code: 'a-valid-looking-code' });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS' });
    expect(target.emulator.stats().received).toBe(before);
    expect(answer.json?.message).toMatch(NO_PARSER_HINT);
  });

  it('random requests are 400 unless the query or a header carried a valid-shaped credential (then one exchange); never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(anyRequest, async (request) => {
        const before = target.emulator.stats().received;
        const answer = await target.http.post({ path: pathOf(request), body: request.body, headers: headersOf(request) });
        const calls = target.emulator.stats().received - before;
        expect([200, 400, 401]).toContain(answer.status);
        expect(calls).toBe(answer.status === 400 ? 0 : 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('requests whose credential can never be valid are all 400 and GenAuth receives nothing', async () => {
    const before = target.emulator.stats().received;
    await fc.assert(
      fc.asyncProperty(invalidRequest, async (request) => {
        const answer = await target.http.post({ path: pathOf(request), body: request.body, headers: headersOf(request) });
        expect(answer.status).toBe(400);
      }),
      { numRuns: RUNS },
    );
    expect(target.emulator.stats().received - before).toBe(0);
  });

  it('left every prototype untouched and no promise rejected unhandled', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeKeys()).toEqual(prototypesBefore);
    expect(target.rejections.seen).toEqual([]);
  });
});
