/**
 * What ends one exchange early: its deadline timer, or the caller's `AbortSignal`, whichever comes
 * first, once. It tells the exchange through `onEnd` (a single callback: an `AbortController` per
 * request cost about 20 µs of CPU per exchange on Node 20, a third of a bare undici request, see
 * bench/PROFILE.md).
 */
export class RequestDeadline {
  /** Whether the exchange was ended, by the deadline or by the caller. */
  aborted = false;
  /** Why: a `TimeoutError` `DOMException` for the deadline, the caller's reason otherwise. */
  reason: unknown = undefined;
  /** Whether the deadline (not the caller) ended it. */
  timedOut = false;
  readonly #onEnd: (reason: unknown) => void;
  readonly #timer: ReturnType<typeof setTimeout>;
  #unlink: (() => void) | undefined;

  constructor(timeoutMs: number, caller: AbortSignal | undefined, onEnd: (reason: unknown) => void) {
    this.#onEnd = onEnd;
    this.#timer = setTimeout(() => {
      this.timedOut = true;
      this.#end(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, timeoutMs);
    if (caller?.aborted) {
      this.#end(caller.reason);
    } else if (caller) {
      const onAbort = (): void => this.#end(caller.reason);
      caller.addEventListener('abort', onAbort);
      this.#unlink = () => caller.removeEventListener('abort', onAbort);
    }
  }

  /** The exchange is over: clears the timer and lets go of the caller's signal. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#unlink?.();
    this.#unlink = undefined;
  }

  /** Called at most once: ending clears the timer and lets go of the caller's signal, its only two callers. */
  #end(reason: unknown): void {
    this.aborted = true;
    this.reason = reason;
    this.clear();
    this.#onEnd(reason);
  }
}
