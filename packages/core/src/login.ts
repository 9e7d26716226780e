import type { z } from 'zod';
import { CredentialsError } from './errors';
import { extractCredentials } from './extract-credentials';
import { describeCredentialIssues } from './credential-issues';
import type { LoginObserver } from './diagnostics/observe-login';
import { outcomeOfError, type GenAuthAuthInfo, type LoginOutcome } from './outcome';
import type { GenAuthRequest } from './request';
import { checkSignInOptions, pickSignInOptions } from './sign-in-options';
import type { StrategySettings } from './strategy-options';
import type { GenAuthProfile, GenAuthSignInOptions } from './types';
import { callVerify } from './verify';

/** Options a route may pass to `passport.authenticate(name, options)` that this strategy reads. */
export interface GenAuthAuthenticateOptions extends GenAuthSignInOptions {
  readonly [key: string]: unknown;
}

/**
 * One login, start to end, as a value: extract → validate → exchange → verify id_token (in the
 * client) → the app's verify. Never throws; the strategy hands the outcome to Passport.
 */
export async function runLogin(
  settings: StrategySettings,
  verify: (...args: never[]) => unknown,
  req: GenAuthRequest,
  authenticateOptions: GenAuthAuthenticateOptions | undefined,
  observer?: LoginObserver,
): Promise<LoginOutcome> {
  let signIn;
  let app: string | undefined;
  try {
    // The credential is checked before an app is chosen: a malformed request costs no lookup (`resolve`).
    // Only an app's own hooks may be asynchronous; the usual login awaits nothing before the exchange.
    const raw = settings.credentialsFor ? await settings.credentialsFor(req) : extractCredentials(req, settings.extraction);
    const credentials = checkedCredentials(settings, raw, req);
    const fromRoute = pickSignInOptions(authenticateOptions);
    const options = mergedSignInOptions(settings, fromRoute, settings.optionsFor ? await settings.optionsFor(req) : undefined);
    const choice = settings.clients(req, authenticateOptions?.app);
    const chosen = choice instanceof Promise ? await choice : choice;
    app = chosen.app;
    observer?.chose(chosen.client, app);
    signIn = await chosen.client.signInByMobile({
      connection: settings.provider.connection,
      extIdpConnidentifier: settings.extIdpConnidentifier,
      payloadKey: settings.provider.payloadKey,
      payload: settings.provider.buildPayload(credentials),
      ...(options ? { options } : {}),
      ...(app === undefined ? {} : { app }),
    });
  } catch (error) {
    return outcomeOfError(error);
  }
  try {
    const profile = app === undefined ? signIn.profile : withApp(signIn.profile, app);
    const args = settings.passReqToCallback ? [req, signIn.tokens, profile] : [signIn.tokens, profile];
    const { user, info } = await callVerify(verify, args, settings.verifyTimeoutMs);
    if (!user) {
      return { type: 'fail', challenge: info ?? { message: 'Sign-in refused by the application', code: 'GENAUTH_VERIFY_REFUSED', status: 401 }, status: 401 };
    }
    const authInfo: GenAuthAuthInfo = { ...(info as Record<string, unknown> | undefined), ...signIn.tokens, ...(app === undefined ? {} : { app }) };
    return { type: 'success', user, info: authInfo };
  } catch (error) {
    // The app's own verify failed: always an error for the app, whatever it threw.
    return { type: 'error', error };
  }
}

/** The profile with the alias of the app that signed the user in, so per-app user tables stay apart. */
function withApp(profile: GenAuthProfile, app: string): GenAuthProfile {
  return Object.defineProperty(profile, 'app', { value: app, enumerable: true });
}

function checkedCredentials(settings: StrategySettings, raw: unknown, req: GenAuthRequest): Record<string, unknown> {
  const parsed = settings.provider.credentials.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  throw credentialsError(settings, parsed.error.issues, req);
}

function credentialsError(settings: StrategySettings, issues: readonly z.core.$ZodIssue[], req: GenAuthRequest): CredentialsError {
  const { lines, fields } = describeCredentialIssues(issues, settings.renames);
  let message = `Invalid ${settings.provider.title ?? settings.provider.connection} credentials: ${lines.join('; ')}`;
  if (!settings.credentialsFor) message += missingBodyHint(req);
  return new CredentialsError(message, fields);
}

/**
 * Said when a credential is missing although the request carried a body that nothing parsed: the usual
 * cause (no body parser, or none for that content type) and its fix. Empty when it does not apply.
 */
export function missingBodyHint(req: GenAuthRequest): string {
  const length = req.headers['content-length'];
  const carriedBody = (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
  if (req.body !== undefined || !carriedBody) return '';
  return '. The request has a body but nothing parsed it (req.body is undefined): mount a body parser for its content type (express.json() for application/json) before passport.authenticate()';
}

/** The strategy's sign-in options, overridden by the route's and then by the request's (`options(req)`). */
function mergedSignInOptions(
  settings: StrategySettings,
  fromRoute: GenAuthSignInOptions,
  fromRequest: GenAuthSignInOptions | undefined,
): GenAuthSignInOptions | undefined {
  if (Object.keys(fromRoute).length === 0 && !fromRequest) return settings.signInOptions;
  const merged = { ...settings.signInOptions, ...fromRoute, ...pickSignInOptions(fromRequest) };
  return checkSignInOptions(merged, `the ${settings.name} strategy's per-request options (authenticate options or options(req))`);
}
