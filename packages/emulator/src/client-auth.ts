import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { AppRuntime } from './apps';
import { reject, type Rejection } from './envelope';

/** Credentials from an `authorization: Basic …` header. */
interface BasicCredentials {
  readonly id: string;
  readonly secret: string;
}

/** Splits a Basic header at the first `:` of the decoded value (GenAuth joins raw id and secret). */
export function parseBasic(header: string | undefined): BasicCredentials | undefined {
  if (header === undefined) return undefined;
  const match = /^basic[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

/**
 * Finds the application: `x-authing-app-id`, else `x-genauth-app-id`, else body `client_id`, else the
 * Basic user name. Missing or unknown → 404 / apiCode 2011.
 */
export function findApp(apps: ReadonlyMap<string, AppRuntime>, headers: IncomingHttpHeaders, body: Readonly<Record<string, unknown>>): AppRuntime | Rejection {
  const clientId = typeof body['client_id'] === 'string' && body['client_id'] !== '' ? body['client_id'] : undefined;
  const appId = header(headers, 'x-authing-app-id') ?? header(headers, 'x-genauth-app-id') ?? clientId ?? parseBasic(header(headers, 'authorization'))?.id;
  if (appId === undefined) return reject(404, 'Application not found: no app id was sent (x-authing-app-id header)', 2011);
  const app = apps.get(appId);
  return app ?? reject(404, `Application not found: ${appId.slice(0, 64)}`, 2011);
}

/** Constant-time comparison of a presented secret with the app's secret. */
function secretMatches(expected: Buffer | undefined, presented: unknown): boolean {
  if (expected === undefined || typeof presented !== 'string') return false;
  const given = Buffer.from(presented, 'utf8');
  // timingSafeEqual needs equal lengths; compare anyway so a length mismatch costs the same work.
  if (given.length !== expected.length) return !timingSafeEqual(expected, expected);
  return timingSafeEqual(given, expected);
}

/**
 * Enforces the app's token endpoint authentication method. Never echoes a secret; says which method
 * the app requires.
 */
export function authenticateClient(app: AppRuntime, headers: IncomingHttpHeaders, body: Readonly<Record<string, unknown>>): Rejection | undefined {
  switch (app.method) {
    case 'none':
      return undefined;
    case 'client_secret_post':
      if (body['client_id'] === app.appId && secretMatches(app.secret, body['client_secret'])) return undefined;
      return reject(401, 'Invalid client credentials: this application requires client_secret_post');
    case 'client_secret_basic': {
      const basic = parseBasic(header(headers, 'authorization'));
      if (basic !== undefined && basic.id === app.appId && secretMatches(app.secret, basic.secret)) return undefined;
      return reject(401, 'Invalid client credentials: this application requires client_secret_basic');
    }
  }
}
