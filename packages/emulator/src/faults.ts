/** Every fault the emulator can inject into a sign-in answer. */
export const FAULT_KINDS = [
  'latency',
  'status-500',
  'status-502',
  'status-503',
  'html',
  'malformed-json',
  'wrong-content-type',
  'oversize',
  'reset',
  'hang',
  'error-without-data',
  'string-api-code',
] as const;

/** A fault kind. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Kinds that do not replace the answer but reshape a failure envelope the way GenAuth also sends
 * them: `error-without-data` leaves `data` out, `string-api-code` sends `apiCode` as a numeric string
 * (`"2005"`). The request is processed normally (a success is untouched and consumes its credential).
 */
export const ENVELOPE_FAULT_KINDS = ['error-without-data', 'string-api-code'] as const;

/** A kind that reshapes a failure envelope. */
export type EnvelopeFaultKind = (typeof ENVELOPE_FAULT_KINDS)[number];

/** True for a kind that reshapes the failure envelope instead of replacing the answer. */
export function reshapesEnvelope(kind: FaultKind): kind is EnvelopeFaultKind {
  return (ENVELOPE_FAULT_KINDS as readonly string[]).includes(kind);
}

/** A fault for the next `count` sign-in requests. */
export interface FaultInjection {
  kind: FaultKind;
  /** How many of the next sign-in requests get it. Default 1. */
  count?: number;
  /** For `latency`: the delay before the normal answer. Default 1000 ms. */
  latencyMs?: number;
}

/** A fault chosen for one request. */
export interface PlannedFault {
  readonly kind: FaultKind;
  readonly latencyMs: number;
}

/** The delay of `latency` when none is given. */
export const DEFAULT_LATENCY_MS = 1000;

/** True when `value` names a fault kind. */
export function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && (FAULT_KINDS as readonly string[]).includes(value);
}

/** Checks an injection (from code or from the control endpoint); throws a TypeError naming the problem. */
export function checkInjection(injection: unknown): Required<FaultInjection> {
  if (typeof injection !== 'object' || injection === null) throw new TypeError('fault must be an object');
  const { kind, count = 1, latencyMs = DEFAULT_LATENCY_MS } = injection as Record<string, unknown>;
  if (!isFaultKind(kind)) throw new TypeError(`fault.kind must be one of ${FAULT_KINDS.join(', ')}`);
  if (!Number.isInteger(count) || (count as number) < 1) throw new TypeError('fault.count must be a positive integer');
  if (!Number.isInteger(latencyMs) || (latencyMs as number) < 0) throw new TypeError('fault.latencyMs must be an integer >= 0');
  return { kind, count: count as number, latencyMs: latencyMs as number };
}

/**
 * Parses the `x-emulator-fault` header: a kind (`status-503`), or `latency=<ms>`. Returns a message
 * for a value it does not understand.
 */
export function parseFaultHeader(value: string): PlannedFault | string {
  const [kind, ms] = value.trim().split('=', 2);
  if (!isFaultKind(kind)) return `x-emulator-fault: unknown fault kind (one of ${FAULT_KINDS.join(', ')})`;
  if (ms === undefined) return { kind, latencyMs: DEFAULT_LATENCY_MS };
  const latencyMs = Number(ms);
  if (kind !== 'latency' || !Number.isInteger(latencyMs) || latencyMs < 0) return 'x-emulator-fault: only latency takes =<ms>';
  return { kind, latencyMs };
}

/** Faults queued for the next sign-in requests, first in first out. */
export class FaultQueue {
  #queue: { kind: FaultKind; remaining: number; latencyMs: number }[] = [];

  /** Queues `count` occurrences of a fault. */
  push(injection: Required<FaultInjection>): void {
    this.#queue.push({ kind: injection.kind, remaining: injection.count, latencyMs: injection.latencyMs });
  }

  /** The fault for the next request, if one is queued. */
  take(): PlannedFault | undefined {
    const head = this.#queue[0];
    if (head === undefined) return undefined;
    head.remaining -= 1;
    if (head.remaining === 0) this.#queue.shift();
    return { kind: head.kind, latencyMs: head.latencyMs };
  }

  /** The queued faults, the next one first: what is armed. */
  list(): { kind: FaultKind; remaining: number; latencyMs: number }[] {
    return this.#queue.map((fault) => ({ ...fault }));
  }

  /** How many faulted requests are still queued. */
  get pending(): number {
    return this.#queue.reduce((sum, fault) => sum + fault.remaining, 0);
  }

  /** Drops every queued fault. */
  clear(): void {
    this.#queue = [];
  }
}
