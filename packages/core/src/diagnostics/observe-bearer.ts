import type { BearerSettings } from '../bearer-options';
import { own } from '../extract-credentials';
import type { LoginOutcome } from '../outcome';
import type { GenAuthRequest } from '../request';
import { noteClientFacts } from './client-facts';
import type { AuthenticateMessage } from './messages';
import { authenticateMessage, authenticateObserved, observeAuthenticate } from './observe-authenticate';
import type { LoginObserver } from './observe-login';
import { attempt } from './trace-operation';

/** Where the request offers an access token, by name: `authorization` (a Bearer header), `access_token`. */
function tokenFieldsOf(settings: BearerSettings, req: GenAuthRequest): string[] {
  const fields: string[] = [];
  const header = req.headers.authorization;
  if (settings.locations.has('header') && typeof header === 'string' && /^\s*bearer(\s|$)/i.test(header)) fields.push('authorization');
  const inBody = settings.locations.has('body') && own(req.body, 'access_token') !== undefined;
  const inQuery = settings.locations.has('query') && own(req.query, 'access_token') !== undefined;
  if (inBody || inQuery) fields.push('access_token');
  return fields;
}

/** The GenAuth user id of an accepted access token (only read when the app opted in to `user.id`). */
function subjectOfBearer(outcome: LoginOutcome): string | undefined {
  const sub = outcome.type === 'success' ? outcome.info.sub : undefined;
  return typeof sub === 'string' ? sub : undefined;
}

function noteClient(message: AuthenticateMessage, client: unknown, app: string | undefined): void {
  if (app !== undefined) message.app = app;
  noteClientFacts(message, client);
  // A bearer check signs nothing in: the sign-in's client authentication does not apply.
  delete message.clientAuthMethod;
}

/** One bearer check, observed when anyone listens; otherwise `run` is called as is, with no observer. */
export function observeBearer(
  settings: BearerSettings,
  req: GenAuthRequest,
  run: (observer: LoginObserver | undefined) => Promise<LoginOutcome>,
): Promise<LoginOutcome> {
  if (!authenticateObserved()) return run(undefined);
  const message = attempt(() =>
    authenticateMessage({ kind: 'bearer', strategy: settings.name, connection: undefined, credentialFields: tokenFieldsOf(settings, req) }, req),
  );
  if (message === undefined) return run(undefined);
  const observer: LoginObserver = { chose: (client, app) => attempt(() => noteClient(message, client, app)) };
  return observeAuthenticate(message, () => run(observer), subjectOfBearer);
}
