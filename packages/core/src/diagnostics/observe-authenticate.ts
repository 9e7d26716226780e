import type { LoginOutcome } from '../outcome';
import type { GenAuthRequest } from '../request';
import { channels, isObserved } from './channels';
import { completionOfOutcome, type Completion } from './completion';
import { installDebugLog } from './debug-log';
import { diagnosticLabels } from './labels';
import type { AuthenticateMessage } from './messages';
import { activeInstruments, activeOtel, startSpan } from './otel';
import { authenticateEndAttributes, authenticateStartAttributes, errorStatus } from './otel-attributes';
import { telemetrySettings } from './telemetry';
import { attempt, traceOperation } from './trace-operation';

/** What an authenticate message starts with. */
export interface AuthenticateStart {
  readonly kind: AuthenticateMessage['kind'];
  readonly strategy: string;
  readonly connection: string | undefined;
  readonly credentialFields: readonly string[];
}

/** Whether an authenticate must be observed now: someone subscribes, or OpenTelemetry is in use. */
export function authenticateObserved(): boolean {
  return isObserved(channels.authenticate) || activeOtel() !== undefined;
}

/** A fresh message; the live request rides along non-enumerable, so no serialiser ever sees it. */
export function authenticateMessage(start: AuthenticateStart, req: GenAuthRequest): AuthenticateMessage {
  const message = {
    kind: start.kind,
    strategy: start.strategy,
    ...(start.connection !== undefined ? { connection: start.connection } : {}),
    credentialFields: Object.freeze([...start.credentialFields]),
  } as Omit<AuthenticateMessage, 'request'>;
  return Object.defineProperty(message, 'request', { value: req, enumerable: false }) as AuthenticateMessage;
}

/**
 * Runs one login or bearer check observed (call only when `authenticateObserved()`). `subjectOf` reads
 * the user id of a success for `user.id`; it is called only when the app opted in.
 */
export function observeAuthenticate(
  message: AuthenticateMessage,
  run: () => Promise<LoginOutcome>,
  subjectOf: (outcome: LoginOutcome) => string | undefined,
): Promise<LoginOutcome> {
  const channel = isObserved(channels.authenticate) ? channels.authenticate : undefined;
  const span = attempt(() => startSpan('genauth.authenticate', authenticateStartAttributes(message)));
  let outcome: LoginOutcome | undefined;
  return traceOperation(
    { channel, message, span },
    run,
    (settled, durationMs) => {
      // `run` never rejects; should it, the login is an error like any other.
      outcome = settled.ok ? settled.value : { type: 'error', error: settled.error };
      const completion: Completion = { ...completionOfOutcome(outcome), durationMs };
      return outcome.type === 'error' ? { completion, publishError: true, error: outcome.error } : { completion, publishError: false };
    },
    (completion) => {
      const wantsSubject = span !== undefined && completion.result === 'success' && telemetrySettings().recordUserId !== 'off';
      const subject = wantsSubject && outcome !== undefined ? attempt(() => subjectOf(outcome as LoginOutcome)) : undefined;
      span?.end(authenticateEndAttributes(message, completion, subject), errorStatus(completion));
      recordAuthenticate(message, completion);
    },
  );
}

function recordAuthenticate(message: AuthenticateMessage, completion: Completion): void {
  const metrics = activeInstruments();
  if (metrics === undefined || completion.durationMs === undefined) return;
  metrics.authenticateDuration.record(completion.durationMs / 1000, {
    'genauth.strategy': message.strategy,
    'genauth.connection': diagnosticLabels.connection(message.connection),
    'genauth.result': completion.result,
    ...(completion.result !== 'success' ? { 'error.type': diagnosticLabels.errorCode(completion.errorCode) } : {}),
  });
}

// NODE_DEBUG=passport-genauth: subscribes once, as soon as anything that authenticates is loaded.
installDebugLog();
