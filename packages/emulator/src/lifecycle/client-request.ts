import type { AppRuntime, ClientAuthEndpoint } from '../apps';
import { authenticateLifecycleClient } from './client-authentication';
import type { Exchange, ExchangeDetails, ExchangeResult } from './exchange';
import { parseForm, type FormParams } from './form-body';
import { isOAuthError } from './oauth-response';
import { redactForm } from './redaction';

/** A form request whose client authenticated with the endpoint's method. */
export interface ClientRequest {
  readonly ok: true;
  readonly params: FormParams;
  readonly app: AppRuntime;
  /** The log details so far (body, app, client auth); the handler adds what it learns. */
  readonly details: ExchangeDetails;
}

/**
 * The common start of `/oidc/token`, `/revocation` and `/introspection`: a form body (no parameter
 * of `checked` twice), then client authentication with the method the app sets for `endpoint`.
 */
export function readClientRequest(
  exchange: Exchange,
  endpoint: ClientAuthEndpoint,
  checked: readonly string[],
): ClientRequest | { readonly ok: false; readonly result: ExchangeResult } {
  const details: ExchangeDetails = {};
  const params = parseForm(exchange.req.headers['content-type'], exchange.raw, checked);
  if (isOAuthError(params)) return { ok: false, result: { failure: params, details } };
  details.body = redactForm(params.raw);
  const client = authenticateLifecycleClient({
    apps: exchange.context.apps,
    endpoint,
    strictness: exchange.context.options.clientAuthStrictness,
    headers: exchange.req.headers,
    params,
    issuer: exchange.issuer,
  });
  if (client.presented !== undefined) details.clientAuthMethod = client.presented;
  if (!client.ok) {
    if (client.appId !== undefined) details.appId = client.appId;
    return { ok: false, result: { failure: client.error, details } };
  }
  details.appId = client.app.appId;
  return { ok: true, params, app: client.app, details };
}
