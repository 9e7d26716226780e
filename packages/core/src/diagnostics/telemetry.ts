import { z } from 'zod';
import { ConfigurationError } from '../errors';
import { describeIssues, PARSED_ONCE } from '../format-issues';
import { loadOtelApi } from './otel-api';

/** Whether spans carry `user.id` (the GenAuth `sub`): not at all, as a SHA-256 hex digest, or as is. */
export type RecordUserId = 'off' | 'hash' | 'raw';

/** An OpenTelemetry `TracerProvider` (typed loosely so that core's types never need `@opentelemetry/api`). */
export interface TracerProviderLike {
  getTracer(name: string, version?: string): object;
}

/** An OpenTelemetry `MeterProvider`. */
export interface MeterProviderLike {
  getMeter(name: string, version?: string): object;
}

/** Process-wide telemetry settings; see `configureTelemetry`. */
export interface TelemetryOptions {
  /** Record spans and metrics through `@opentelemetry/api` when it is installed (default `true`). */
  openTelemetry?: boolean;
  /** Where spans go; default: the global tracer provider (`trace.setGlobalTracerProvider`, the Node SDK). */
  tracerProvider?: TracerProviderLike;
  /** Where metrics go; default: the global meter provider. */
  meterProvider?: MeterProviderLike;
  /** `user.id` on `genauth.authenticate` spans: `'off'` (default), `'hash'` (SHA-256 hex of `sub`) or `'raw'`. */
  recordUserId?: RecordUserId;
}

/** What `configureTelemetry` found. */
export interface TelemetryStatus {
  /** `enabled`: spans and metrics are recorded whenever a tracer or meter provider is registered (or injected); `absent`: `@opentelemetry/api` is not installed; `disabled`: turned off. */
  readonly openTelemetry: 'enabled' | 'absent' | 'disabled';
}

/** The settings in force. */
export interface TelemetrySettings {
  readonly openTelemetry: boolean;
  readonly tracerProvider: TracerProviderLike | undefined;
  readonly meterProvider: MeterProviderLike | undefined;
  readonly recordUserId: RecordUserId;
}

const DEFAULTS: TelemetrySettings = Object.freeze({ openTelemetry: true, tracerProvider: undefined, meterProvider: undefined, recordUserId: 'off' });

let current: TelemetrySettings = DEFAULTS;

const provider = (method: string) =>
  z.custom<object>((value) => typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[method] === 'function', {
    error: `must be an OpenTelemetry provider (an object with ${method}())`,
  });

const schema = z.strictObject({
  openTelemetry: z.boolean().optional(),
  tracerProvider: provider('getTracer').optional(),
  meterProvider: provider('getMeter').optional(),
  recordUserId: z.enum(['off', 'hash', 'raw'], { error: "must be 'off', 'hash' or 'raw'" }).optional(),
});

/** The settings in force (read on every observed operation, so a change applies to the next one). */
export function telemetrySettings(): TelemetrySettings {
  return current;
}

/**
 * Sets how passport-genauth reports to OpenTelemetry, for the whole process: the settings of the last
 * call are in force (a call with no options restores the defaults). Not needed to get spans and metrics:
 * with `@opentelemetry/api` installed and an SDK registered they are on by default, through the global
 * providers. Throws `ConfigurationError` for an unknown or bad option; resolves once the optional
 * `@opentelemetry/api` has been looked for (never rejects).
 */
export function configureTelemetry(options: TelemetryOptions = {}): Promise<TelemetryStatus> {
  const parsed = schema.safeParse(options, PARSED_ONCE);
  if (!parsed.success) {
    const lines = describeIssues(parsed.error.issues, {});
    throw new ConfigurationError(`Invalid telemetry options:\n  - ${lines.join('\n  - ')}`, lines);
  }
  const given = parsed.data as TelemetryOptions;
  current = Object.freeze({
    openTelemetry: given.openTelemetry ?? DEFAULTS.openTelemetry,
    tracerProvider: given.tracerProvider,
    meterProvider: given.meterProvider,
    recordUserId: given.recordUserId ?? DEFAULTS.recordUserId,
  });
  return loadOtelApi().then((api) => ({ openTelemetry: !current.openTelemetry ? 'disabled' : api ? 'enabled' : 'absent' }));
}
