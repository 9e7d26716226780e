import type { IncomingHttpHeaders } from 'node:http';
import { parseBasic } from '../client-auth';
import type { PresentedClientAuth } from './client-authentication';

function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

/**
 * What the request log says of a sign-in's client: the app id it named (GenAuth's order: the app id
 * headers, body `client_id`, the Basic user) and how it authenticated, as presented. Read before the
 * `authorization` header is redacted.
 */
export function signinLogDetails(headers: IncomingHttpHeaders, body: unknown): { readonly appId?: string; readonly clientAuthMethod: PresentedClientAuth } {
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const clientId = typeof fields['client_id'] === 'string' && fields['client_id'] !== '' ? fields['client_id'] : undefined;
  const basic = parseBasic(firstHeader(headers, 'authorization'));
  const post = typeof fields['client_secret'] === 'string';
  const appId = firstHeader(headers, 'x-authing-app-id') ?? firstHeader(headers, 'x-genauth-app-id') ?? clientId ?? basic?.id;
  const clientAuthMethod: PresentedClientAuth =
    basic !== undefined ? (post ? 'client_secret_basic+client_secret_post' : 'client_secret_basic') : post ? 'client_secret_post' : 'none';
  return appId === undefined ? { clientAuthMethod } : { appId: appId.slice(0, 64), clientAuthMethod };
}
