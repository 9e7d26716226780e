import passport from 'passport';
import { mockRequest, runStrategy } from '../src';

/** What a scripted strategy does when Passport calls `authenticate` on its per-request copy. */
type Script = (self: ScriptedStrategy, req: object, options: unknown) => void;

/** A tiny hand-written Passport strategy: it ends the way its script says. */
class ScriptedStrategy extends passport.Strategy {
  override name = 'scripted';

  constructor(private readonly script: Script) {
    super();
  }

  override authenticate(req: object, options?: unknown): void {
    this.script(this, req, options);
  }
}

const run = (script: Script) => runStrategy(new ScriptedStrategy(script), mockRequest());

describe('runStrategy', () => {
  it('reports success with the user and the info the strategy passed', async () => {
    const result = await run((self) => self.success({ id: 'u-1' }, { scope: 'openid' }));
    expect(result).toEqual({ type: 'success', user: { id: 'u-1' }, info: { scope: 'openid' } });
  });

  it('reports a failure with its challenge and status', async () => {
    const result = await run((self) => self.fail({ message: 'bad code' }, 403));
    expect(result).toEqual({ type: 'fail', challenge: { message: 'bad code' }, status: 403 });
  });

  it('reports a bare numeric failure as a status without a challenge', async () => {
    const result = await run((self) => self.fail(429));
    expect(result).toEqual({ type: 'fail', challenge: undefined, status: 429 });
  });

  it('reports a failure without a status as an undefined status', async () => {
    const result = await run((self) => self.fail('Bearer realm="genauth"'));
    expect(result).toEqual({ type: 'fail', challenge: 'Bearer realm="genauth"', status: undefined });
  });

  it('reports an error with the very error the strategy passed', async () => {
    const failure = new Error('directory unavailable');
    const result = await run((self) => self.error(failure));
    expect(result).toEqual({ type: 'error', error: failure });
    expect(result.type === 'error' && result.error).toBe(failure);
  });

  it('reports a redirect with its url and status', async () => {
    const result = await run((self) => self.redirect('https://provider.example/authorize?state=s1', 303));
    expect(result).toEqual({ type: 'redirect', url: 'https://provider.example/authorize?state=s1', status: 303 });
  });

  it('reports pass when the strategy makes no decision', async () => {
    await expect(run((self) => self.pass())).resolves.toEqual({ type: 'pass' });
  });

  it('waits for a strategy that ends asynchronously', async () => {
    const result = await run((self) => setTimeout(() => self.success({ id: 'late' }), 5));
    expect(result).toEqual({ type: 'success', user: { id: 'late' }, info: undefined });
  });

  it('hands authenticate the request and the authenticate options', async () => {
    const req = mockRequest({ body: { code: 'c-1' } });
    const seen: Array<{ req: object; options: unknown }> = [];
    const strategy = new ScriptedStrategy((self, r, options) => {
      seen.push({ req: r, options });
      self.pass();
    });
    await runStrategy(strategy, req, { authenticateOptions: { scope: 'openid email' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.req).toBe(req);
    expect(seen[0]?.options).toEqual({ scope: 'openid email' });
  });

  it('runs on a per-request copy, as Passport does, and leaves the strategy itself untouched', async () => {
    let self: ScriptedStrategy | undefined;
    const strategy = new ScriptedStrategy((s) => {
      self = s;
      s.pass();
    });
    await runStrategy(strategy, mockRequest());
    expect(self).not.toBe(strategy);
    expect(Object.getPrototypeOf(self)).toBe(strategy);
    const actions = ['success', 'fail', 'error', 'redirect', 'pass'];
    expect(actions.filter((action) => Object.hasOwn(strategy, action))).toEqual([]);
    expect(actions.filter((action) => Object.hasOwn(self as object, action))).toEqual(actions);
  });

  it('rejects with the thrown error when authenticate throws synchronously', async () => {
    await expect(
      run(() => {
        throw new Error('boom in authenticate');
      }),
    ).rejects.toThrow('boom in authenticate');
  });

  it('rejects after timeoutMs when the strategy never ends', async () => {
    const strategy = new ScriptedStrategy(() => undefined);
    await expect(runStrategy(strategy, mockRequest(), { timeoutMs: 20 })).rejects.toThrow('strategy did not end within 20 ms');
  });
});
