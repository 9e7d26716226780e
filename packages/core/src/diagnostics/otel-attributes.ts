import { createHash } from 'node:crypto';
import type { Attributes } from '@opentelemetry/api';
import type { Completion } from './completion';
import { diagnosticLabels } from './labels';
import type { AuthenticateMessage, ExchangeMessage, IdTokenMessage } from './messages';
import { telemetrySettings } from './telemetry';

const hosts = new Map<string, Attributes>();

/** `server.address` (the host name, as OpenTelemetry's conventions want it) and `server.port` of an origin. */
function serverAttributes(origin: string | undefined): Attributes {
  if (origin === undefined) return {};
  let found = hosts.get(origin);
  if (found === undefined) {
    try {
      const url = new URL(origin);
      const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
      found = { 'server.address': url.hostname.replace(/^\[|\]$/g, ''), 'server.port': port };
    } catch {
      found = {};
    }
    if (hosts.size < 1_000) hosts.set(origin, found);
  }
  return found;
}

/** What every completed span says. `genauth.api_code` is GenAuth's number as is: spans are not aggregated. */
function completionAttributes(completion: Completion): Attributes {
  return {
    'genauth.result': completion.result,
    ...(completion.apiCode !== undefined ? { 'genauth.api_code': completion.apiCode } : {}),
    ...(completion.genauthStatusCode !== undefined ? { 'genauth.status_code': completion.genauthStatusCode } : {}),
    ...(completion.requestId !== undefined ? { 'genauth.request_id': completion.requestId } : {}),
    ...(completion.result !== 'success' ? { 'error.type': diagnosticLabels.errorCode(completion.errorCode) } : {}),
  };
}

/** The span status message for `error` outcomes (the code only: a message may quote GenAuth). */
export function errorStatus(completion: Completion): string | undefined {
  return completion.result === 'error' ? diagnosticLabels.errorCode(completion.errorCode) : undefined;
}

/** `genauth.authenticate`'s attributes at start. */
export function authenticateStartAttributes(message: AuthenticateMessage): Attributes {
  return {
    'genauth.strategy': message.strategy,
    ...(message.connection !== undefined ? { 'genauth.connection': message.connection } : {}),
  };
}

/** `user.id` per `telemetry.recordUserId`: nothing by default. */
function userAttributes(subject: string | undefined): Attributes {
  if (subject === undefined) return {};
  switch (telemetrySettings().recordUserId) {
    case 'off':
      return {};
    case 'hash':
      return { 'user.id': createHash('sha256').update(subject, 'utf8').digest('hex') };
    case 'raw':
      return { 'user.id': subject };
  }
}

/** `genauth.authenticate`'s attributes at its end. */
export function authenticateEndAttributes(message: AuthenticateMessage, completion: Completion, subject: string | undefined): Attributes {
  return {
    ...(message.app !== undefined ? { 'genauth.app': message.app } : {}),
    ...(message.appId !== undefined ? { 'genauth.app_id': message.appId } : {}),
    ...serverAttributes(message.serverAddress),
    ...completionAttributes(completion),
    ...userAttributes(subject),
  };
}

/** `genauth.exchange`'s attributes at start. */
export function exchangeStartAttributes(message: ExchangeMessage): Attributes {
  return {
    'genauth.operation': message.operation,
    'genauth.app_id': message.appId,
    ...serverAttributes(message.serverAddress),
    ...(message.connection !== undefined ? { 'genauth.connection': message.connection } : {}),
    ...(message.app !== undefined ? { 'genauth.app': message.app } : {}),
    ...(message.clientAuthMethod !== undefined ? { 'genauth.client_auth_method': message.clientAuthMethod } : {}),
  };
}

/** `genauth.exchange`'s attributes at its end. */
export function exchangeEndAttributes(message: ExchangeMessage, completion: Completion): Attributes {
  return {
    ...completionAttributes(completion),
    ...(message.httpStatus !== undefined ? { 'genauth.http_status': message.httpStatus } : {}),
  };
}

/** `genauth.id_token.verify`'s attributes at start. */
export function idTokenStartAttributes(message: IdTokenMessage): Attributes {
  return { 'genauth.app_id': message.appId, 'genauth.id_token.alg': message.alg, 'genauth.id_token.verified': message.verified };
}

/** `genauth.id_token.verify`'s attributes at its end. */
export function idTokenEndAttributes(completion: Completion): Attributes {
  return completionAttributes(completion);
}
