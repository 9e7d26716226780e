import type { SpanScope } from '../src/diagnostics/otel';
import { attempt, traceOperation } from '../src/diagnostics/trace-operation';

type TraceModule = typeof import('../src/diagnostics/trace-operation');

/** A fresh copy of the module, so that its warn-once state starts unset. */
async function isolated(): Promise<TraceModule> {
  let loaded: TraceModule | undefined;
  await jest.isolateModulesAsync(async () => {
    loaded = await import('../src/diagnostics/trace-operation');
  });
  return loaded as TraceModule;
}

describe('observation code that throws is skipped with one process warning', () => {
  let warn: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('attempt returns undefined for a throwing function and warns once, naming the error class and the warning code', async () => {
    const fresh = await isolated();
    expect(
      fresh.attempt(() => {
        throw new RangeError('secret-token-value');
      }),
    ).toBeUndefined();
    expect(
      fresh.attempt(() => {
        throw new TypeError('again');
      }),
    ).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('passport-genauth: diagnostics failed and were skipped: RangeError', { code: 'PASSPORT_GENAUTH_DIAGNOSTICS' });
    expect(fresh.attempt(() => 'value')).toBe('value');
  });

  it('a thrown non-Error is named by its type', async () => {
    const fresh = await isolated();
    fresh.attempt(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- what an odd library may throw
      throw 'a string';
    });
    expect(warn.mock.calls).toEqual([['passport-genauth: diagnostics failed and were skipped: string', { code: 'PASSPORT_GENAUTH_DIAGNOSTICS' }]]);
  });
});

describe('a traced operation whose settle code throws still ends its span and gives the caller its value', () => {
  let warn: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  function fakeSpan(): { span: SpanScope; end: jest.Mock } {
    const end = jest.fn();
    const span = { run: <T>(fn: () => T): T => fn(), end } as unknown as SpanScope;
    return { span, end };
  }

  it('the span is ended with no attributes and no error status, report is not called, the value is returned', async () => {
    const { span, end } = fakeSpan();
    const report = jest.fn();
    const message: Record<string, unknown> = {};
    const value = await traceOperation(
      { channel: undefined, message, span },
      () => Promise.resolve('the value'),
      () => {
        throw new Error('settle broke');
      },
      report,
    );
    expect(value).toBe('the value');
    expect(end).toHaveBeenCalledTimes(1);
    expect(end).toHaveBeenCalledWith({}, undefined);
    expect(report).not.toHaveBeenCalled();
    expect(message).toEqual({});
  });

  it('a rejection reaches the caller as is, the span still ended', async () => {
    const { span, end } = fakeSpan();
    const failure = new Error('run failed');
    await expect(
      traceOperation(
        { channel: undefined, message: {}, span },
        () => Promise.reject(failure),
        () => {
          throw new Error('settle broke');
        },
        () => undefined,
      ),
    ).rejects.toBe(failure);
    expect(end).toHaveBeenCalledWith({}, undefined);
  });

  it('attempt gives back what the function returned', () => {
    expect(attempt(() => 42)).toBe(42);
  });
});
