import { extractCredentials } from '../extract-credentials';
import { parseJwt } from '../jwt';
import type { LoginOutcome } from '../outcome';
import type { GenAuthRequest } from '../request';
import type { StrategySettings } from '../strategy-options';
import { noteClientFacts } from './client-facts';
import { authenticateMessage, authenticateObserved, observeAuthenticate } from './observe-authenticate';
import { attempt } from './trace-operation';

/** What a login tells its observer while it runs. */
export interface LoginObserver {
  /** The client chosen for the request, and its app alias when a `GenAuthApps` registry chose it. */
  chose(client: unknown, app: string | undefined): void;
}

/** The names of the credential fields a request carries (read as the login reads them; never a value). */
function credentialFieldsOf(settings: StrategySettings, req: GenAuthRequest): string[] {
  // An app's own `credentials(req)` may be costly or stateful: it runs once, in the login itself.
  return settings.credentialsFor ? [] : Object.keys(extractCredentials(req, settings.extraction));
}

/** The GenAuth user id of a successful login, read from the id_token it already verified (only when the app opted in). */
function subjectOfLogin(outcome: LoginOutcome): string | undefined {
  if (outcome.type !== 'success') return undefined;
  const idToken = outcome.info.idToken;
  const sub = typeof idToken === 'string' ? parseJwt(idToken).payload?.sub : undefined;
  return typeof sub === 'string' ? sub : undefined;
}

/**
 * One provider login, observed when anyone listens (`passport-genauth:authenticate`, OpenTelemetry);
 * otherwise `run` is called as is, with no observer and nothing built.
 */
export function observeLogin(
  settings: StrategySettings,
  req: GenAuthRequest,
  run: (observer: LoginObserver | undefined) => Promise<LoginOutcome>,
): Promise<LoginOutcome> {
  if (!authenticateObserved()) return run(undefined);
  const message = attempt(() =>
    authenticateMessage(
      { kind: 'login', strategy: settings.name, connection: settings.provider.connection, credentialFields: credentialFieldsOf(settings, req) },
      req,
    ),
  );
  if (message === undefined) return run(undefined);
  const observer: LoginObserver = {
    chose: (client, app) =>
      attempt(() => {
        if (app !== undefined) message.app = app;
        noteClientFacts(message, client);
      }),
  };
  return observeAuthenticate(message, () => run(observer), subjectOfLogin);
}

/** A login refused before any provider strategy ran (the single route, for a missing or unknown connection). */
export function observeRefusal(strategy: string, req: GenAuthRequest, outcome: LoginOutcome): Promise<LoginOutcome> {
  if (!authenticateObserved()) return Promise.resolve(outcome);
  const message = attempt(() => authenticateMessage({ kind: 'login', strategy, connection: undefined, credentialFields: [] }, req));
  if (message === undefined) return Promise.resolve(outcome);
  return observeAuthenticate(
    message,
    () => Promise.resolve(outcome),
    () => undefined,
  );
}
