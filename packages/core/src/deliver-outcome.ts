import type passportStrategy from 'passport-strategy';
import { rememberFailure, type LoginOutcome } from './outcome';
import type { GenAuthRequest } from './request';

/** The request as Express's (and Connect's) router leaves it: `req.next` continues that request's chain. */
interface RoutedRequest {
  readonly next?: unknown;
}

/**
 * Hands an outcome to Passport's per-request actions (`success`, `fail`, `error`).
 *
 * The outcome arrives in a promise callback, so anything the app runs synchronously inside those
 * actions (a custom `authenticate` callback, `req.login` and its serializer) would otherwise throw into
 * the promise chain and become an unhandled rejection that exits Node. Such an exception belongs to
 * that one request: it goes to the framework's error handling (`req.next(err)` under Express and
 * Connect, so the app's error middleware answers 500). Without a router `next`, Passport's `error`
 * action takes it, unless the outcome already was an error (the app's callback then saw an error
 * once and must not be called twice); a last resort is a process warning, never a crash.
 */
export function applyOutcome(strategy: passportStrategy.Strategy, req: GenAuthRequest, outcome: LoginOutcome): void {
  try {
    deliver(strategy, req, outcome);
  } catch (error) {
    reportDeliveryError(strategy, req, outcome, error);
  }
}

/**
 * Hands the outcome of a login under way to Passport once it settles (a rejected login, which a
 * strategy's own `login` never produces, is delivered as an error). Never throws, never leaves an
 * unhandled rejection: see `applyOutcome`.
 */
export function deliverLogin(strategy: passportStrategy.Strategy, req: GenAuthRequest, login: Promise<LoginOutcome>): void {
  login.then(
    (outcome) => applyOutcome(strategy, req, outcome),
    (error: unknown) => applyOutcome(strategy, req, { type: 'error', error }),
  );
}

function deliver(strategy: passportStrategy.Strategy, req: GenAuthRequest, outcome: LoginOutcome): void {
  switch (outcome.type) {
    case 'success':
      strategy.success(outcome.user, outcome.info);
      return;
    case 'fail':
      rememberFailure(req, outcome.challenge, outcome.status);
      strategy.fail(outcome.challenge, outcome.status);
      return;
    case 'error':
      strategy.error(outcome.error as Error);
      return;
  }
}

function reportDeliveryError(strategy: passportStrategy.Strategy, req: GenAuthRequest, outcome: LoginOutcome, error: unknown): void {
  const next = (req as RoutedRequest).next;
  try {
    if (typeof next === 'function') {
      (next as (err: unknown) => void)(error ?? new Error('a falsy value was thrown while Passport handled the login'));
      return;
    }
    if (outcome.type !== 'error') {
      strategy.error(error as Error);
      return;
    }
  } catch (again) {
    error = again;
  }
  process.emitWarning(`passport-genauth: an exception thrown while Passport handled a login outcome could not be handed to the framework: ${describe(error)}`, {
    code: 'PASSPORT_GENAUTH_DELIVERY',
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
