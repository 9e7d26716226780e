import type { ResolvedOptions } from './config';
import type { RequestIds } from './envelope';
import type { FaultQueue } from './faults';
import type { RequestLog } from './request-log';
import type { SigninServices } from './signin';

/** Everything a running emulator's request handlers share. */
export interface EmulatorContext extends SigninServices {
  readonly options: ResolvedOptions;
  readonly log: RequestLog;
  readonly faults: FaultQueue;
  readonly requestIds: RequestIds;
  /** Pending `latency` timers, cleared on close. */
  readonly timers: Set<NodeJS.Timeout>;
  /** The `host:port` to use when a request carries no Host header. */
  readonly fallbackHost: string;
  /** Clears the log, the counters, the used credentials, the queued faults and every issued token and grant. */
  reset(): void;
}
