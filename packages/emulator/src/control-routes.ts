import type { IncomingMessage, ServerResponse } from 'node:http';
import { isConnection } from './connections';
import type { EmulatorContext } from './context';
import type { ProviderIdentity } from './credential-shapes';
import { checkInjection } from './faults';
import { parseJsonBody, readBody, sendJson } from './http-io';
import { LOGGED_ENDPOINTS, type LoggedEndpoint } from './request-log';

/** The prefix of the emulator's own endpoints (not part of GenAuth's API). */
export const CONTROL_PREFIX = '/__emulator/';

function sendError(res: ServerResponse, status: number, error: string): void {
  sendJson(res, status, JSON.stringify({ error }));
}

async function readObject(req: IncomingMessage, res: ServerResponse): Promise<Readonly<Record<string, unknown>> | undefined> {
  const parsed = parseJsonBody(req.headers['content-type'], await readBody(req));
  if (parsed.ok) return parsed.body;
  sendError(res, 400, parsed.rejection.message);
  return undefined;
}

/**
 * `/__emulator/credentials` (always on: the provider simulator) and, with `control: true`, `faults`,
 * `stats`, `requests` and `reset`. These requests are not logged and never faulted.
 */
export async function handleControl(context: EmulatorContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path.slice(CONTROL_PREFIX.length)}`;
  if (route === 'POST credentials') {
    const body = await readObject(req, res);
    if (body === undefined) return;
    const { connection, ...identity } = body;
    if (!isConnection(connection)) return sendError(res, 400, 'connection must be one of the 32 connections');
    try {
      // mint() checks the identity's fields at run time.
      const minted = context.provider.mint(connection, identity as unknown as ProviderIdentity);
      sendJson(res, 200, JSON.stringify(minted));
    } catch (error) {
      sendError(res, 400, error instanceof Error ? error.message : String(error));
    }
    return;
  }
  if (!context.options.control) return sendError(res, 404, 'Not found (start the emulator with control: true)');
  switch (route) {
    case 'POST faults': {
      const body = await readObject(req, res);
      if (body === undefined) return;
      try {
        context.faults.push(checkInjection(body));
      } catch (error) {
        return sendError(res, 400, error instanceof Error ? error.message : String(error));
      }
      return sendJson(res, 200, JSON.stringify({ pending: context.faults.pending }));
    }
    case 'DELETE faults':
      context.faults.clear();
      return sendJson(res, 200, JSON.stringify({ pending: 0 }));
    case 'GET stats':
      return sendJson(res, 200, JSON.stringify(context.log.stats()));
    case 'GET requests': {
      const endpoints = requestedEndpoints(req.url);
      if (endpoints === undefined) return sendError(res, 400, `endpoint must list some of ${LOGGED_ENDPOINTS.join(', ')}`);
      return sendJson(res, 200, JSON.stringify(context.log.entries(endpoints)));
    }
    case 'POST reset':
      context.reset();
      return sendJson(res, 200, JSON.stringify({ reset: true }));
    default:
      return sendError(res, 404, `Not found: ${route}`);
  }
}

/** `?endpoint=token,revocation` → those endpoints; no parameter → every endpoint but the JWKS. */
function requestedEndpoints(url: string | undefined): ReadonlySet<LoggedEndpoint> | undefined {
  const query = new URLSearchParams(url?.includes('?') === true ? url.slice(url.indexOf('?') + 1) : '');
  const list = query.get('endpoint');
  const known: readonly string[] = LOGGED_ENDPOINTS;
  if (list === null) return new Set(LOGGED_ENDPOINTS.filter((endpoint) => endpoint !== 'jwks'));
  const names = list.split(',').map((name) => name.trim());
  return names.every((name) => known.includes(name)) ? new Set(names as LoggedEndpoint[]) : undefined;
}
