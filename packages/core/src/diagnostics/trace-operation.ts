import type { TracingChannel } from 'node:diagnostics_channel';
import type { Completion } from './completion';
import type { DiagnosticCompletion } from './messages';
import type { SpanScope } from './otel';

/** How the observed work ended: its value, or what it threw. */
export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** The completion of the work, and the error to publish on the channel's `error` event, if any. */
export interface Settlement {
  readonly completion: Completion;
  readonly publishError: boolean;
  readonly error?: unknown;
}

/** One observed operation: where it is published, its message and its span (each present only when someone listens). */
export interface Observation<M extends DiagnosticCompletion> {
  readonly channel: TracingChannel<unknown, M> | undefined;
  readonly message: M;
  readonly span: SpanScope | undefined;
}

/** Runs observation code; its own failure never reaches the operation (it is reported as a warning once). */
export function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    warnOnce(error);
    return undefined;
  }
}

let warned = false;
function warnOnce(error: unknown): void {
  if (warned) return;
  warned = true;
  process.emitWarning(`passport-genauth: diagnostics failed and were skipped: ${error instanceof Error ? error.name : typeof error}`, {
    code: 'PASSPORT_GENAUTH_DIAGNOSTICS',
  });
}

/**
 * Runs `run` observed: inside the span's context, through the channel's `tracePromise` (start → end →
 * asyncStart → asyncEnd, `error` first when `settle` says so), with one message object throughout.
 * The message is completed before the async events are published; the value handed to Node (and so
 * set as the message's `result`) is the result word, never the operation's value (which holds tokens).
 * Whatever the subscribers or the observation code do, the caller gets exactly what `run` gave.
 */
export function traceOperation<M extends DiagnosticCompletion, T>(
  { channel, message, span }: Observation<M>,
  run: () => Promise<T>,
  settle: (settled: Settled<T>, durationMs: number) => Settlement,
  report: (completion: Completion) => void,
): Promise<T> {
  const started = performance.now();
  // Set by `complete` before anything reads it (plain promise callbacks: an observed login pays no extra async frames).
  let settled = undefined as Settled<T> | undefined;
  let settlement: Settlement | undefined;
  const complete = (done: Settled<T>): unknown => {
    settled = done;
    settlement = attempt(() => settle(done, performance.now() - started));
    if (settlement === undefined) return undefined;
    Object.assign(message, settlement.completion);
    if (settlement.publishError) throw settlement.error;
    return settlement.completion.result;
  };
  const observed = (): Promise<unknown> =>
    (span ? span.run(run) : run()).then(
      (value) => complete({ ok: true, value }),
      (error: unknown) => complete({ ok: false, error }),
    );
  // Whether the traced promise resolved or rejected (the error event's rethrow), what the operation gave is in `settled`.
  const finish = (): T => {
    if (settlement !== undefined) {
      const { completion } = settlement;
      attempt(() => report(completion));
    } else {
      attempt(() => span?.end({}, undefined));
    }
    const result = settled as Settled<T>;
    if (!result.ok) throw result.error;
    return result.value;
  };
  return (channel ? channel.tracePromise(observed, message) : observed()).then(finish, finish);
}
