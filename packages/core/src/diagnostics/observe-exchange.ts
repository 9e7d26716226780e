import type { SignInByMobileRequest, TokenEndpointAuthMethod } from '../types';
import { channels, isObserved } from './channels';
import { originOf } from './client-facts';
import { completionOfError, isRejection, type Completion } from './completion';
import { diagnosticLabels } from './labels';
import type { ExchangeMessage } from './messages';
import { activeInstruments, activeOtel, startSpan } from './otel';
import { errorStatus, exchangeEndAttributes, exchangeStartAttributes } from './otel-attributes';
import { attempt, traceOperation } from './trace-operation';

/** What an exchange message starts with (built only when someone listens). */
export type ExchangeStart = Pick<ExchangeMessage, 'operation' | 'appId' | 'serverAddress'> & {
  readonly [K in 'clientAuthMethod' | 'connection' | 'app' | 'credentialFields']?: ExchangeMessage[K] | undefined;
};

function exchangeMessage(start: ExchangeStart): ExchangeMessage {
  const message: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(start)) if (value !== undefined) message[key] = value;
  return message as unknown as ExchangeMessage;
}

/**
 * One call to GenAuth, observed when anyone listens (`passport-genauth:exchange`, OpenTelemetry): a
 * `genauth.exchange` span whose context the call runs in (so undici's own client span nests under it).
 * `run` receives the message (to note GenAuth's HTTP status) or `undefined` when nothing observes.
 */
export function observeExchange<T>(start: () => ExchangeStart, run: (message: ExchangeMessage | undefined) => Promise<T>): Promise<T> {
  const channel = isObserved(channels.exchange) ? channels.exchange : undefined;
  if (channel === undefined && activeOtel() === undefined) return run(undefined);
  const message = attempt(() => exchangeMessage(start()));
  if (message === undefined) return run(undefined);
  const span = attempt(() => startSpan('genauth.exchange', exchangeStartAttributes(message)));
  return traceOperation(
    { channel, message, span },
    () => run(message),
    (settled, durationMs) => {
      if (settled.ok) {
        message.rejected = false;
        return { completion: { result: 'success', durationMs }, publishError: false };
      }
      const completion: Completion = { ...completionOfError(settled.error), durationMs };
      message.rejected = isRejection(completion);
      return { completion, publishError: true, error: settled.error };
    },
    (completion) => {
      span?.end(exchangeEndAttributes(message, completion), errorStatus(completion));
      recordExchange(message, completion);
    },
  );
}

function recordExchange(message: ExchangeMessage, completion: Completion): void {
  const metrics = activeInstruments();
  if (metrics === undefined || completion.durationMs === undefined) return;
  metrics.exchangeDuration.record(completion.durationMs / 1000, { 'genauth.operation': message.operation, 'genauth.result': completion.result });
  if (message.rejected === true) {
    metrics.exchangeRejections.add(1, {
      'genauth.operation': message.operation,
      'genauth.connection': diagnosticLabels.connection(message.connection),
      'genauth.api_code': diagnosticLabels.apiCode(completion.apiCode),
      'genauth.status_code': diagnosticLabels.genauthStatusCode(completion.genauthStatusCode),
    });
  }
}

/** The start of a sign-in exchange: the client's public facts, the connection and the payload's field names. */
export function signInExchange(
  client: { readonly appId: string; readonly appHost: string; readonly tokenEndpointAuthMethod: TokenEndpointAuthMethod },
  request: SignInByMobileRequest,
): ExchangeStart {
  return {
    operation: 'sign-in',
    appId: client.appId,
    serverAddress: originOf(client.appHost) ?? client.appHost,
    clientAuthMethod: client.tokenEndpointAuthMethod,
    connection: request.connection,
    app: request.app,
    credentialFields: Object.keys(request.payload),
  };
}

const OPERATIONS: Readonly<Record<string, ExchangeMessage['operation']>> = {
  refresh: 'refresh',
  revocation: 'revoke',
  introspection: 'introspect',
  userinfo: 'userinfo',
};

/** How a form call authenticated the app, read from what the endpoint's authentication wrote (names only). */
export function formAuthMethod(form: URLSearchParams, headers: Readonly<Record<string, string>>): TokenEndpointAuthMethod {
  if (headers.authorization?.startsWith('Basic ')) return 'client_secret_basic';
  return form.has('client_secret') ? 'client_secret_post' : 'none';
}

/** The start of an `/oidc/*` exchange; the app id is the one the client sends in `x-authing-app-id`. */
export function oidcExchange(
  context: { readonly base: string; readonly headers: Readonly<Record<string, string>> },
  call: { readonly what: string },
  clientAuthMethod: TokenEndpointAuthMethod | undefined,
): ExchangeStart {
  const operation = OPERATIONS[call.what];
  if (operation === undefined) throw new TypeError(`no exchange operation for ${call.what}`);
  return {
    operation,
    appId: context.headers['x-authing-app-id'] ?? '',
    serverAddress: originOf(context.base) ?? context.base,
    clientAuthMethod,
  };
}
