import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkInjection } from '../faults';
import { parseJsonBody, readBody, sendJson } from '../http-io';
import { presetCredential } from './credential-presets';
import type { DashboardRuntime } from './runtime';
import { checkTarget, relayLogin } from './relay';

/** Sends `{ error }` with a status. */
export function sendError(res: ServerResponse, status: number, error: string): void {
  sendJson(res, status, JSON.stringify({ error }));
}

function send(res: ServerResponse, value: unknown): void {
  sendJson(res, 200, JSON.stringify(value));
}

async function readObject(req: IncomingMessage, res: ServerResponse): Promise<Readonly<Record<string, unknown>> | undefined> {
  const parsed = parseJsonBody(req.headers['content-type'], await readBody(req, 64 * 1024));
  if (parsed.ok) return parsed.body;
  sendError(res, 400, parsed.rejection.message);
  return undefined;
}

function problem(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const REVOKE = /^POST users\/([^/]{1,128})\/revoke$/;
const DETAIL = /^GET exchanges\/(\d{1,12})$/;

/**
 * The page's JSON API under `/__emulator/dashboard/`: mint a credential (magic values too), rotate the
 * keys, arm and clear faults, revoke a user's tokens, send a login to the backend, read one exchange.
 */
export async function handleApi(runtime: DashboardRuntime, req: IncomingMessage, res: ServerResponse, route: string, query: URLSearchParams): Promise<void> {
  const detail = DETAIL.exec(route);
  if (detail?.[1] !== undefined) {
    const found = runtime.detail(Number(detail[1]), query.get('reveal') === '1');
    return found === undefined ? sendError(res, 404, 'No such exchange (the dashboard keeps the newest 500)') : send(res, found);
  }
  const revoke = REVOKE.exec(route);
  if (revoke?.[1] !== undefined) {
    if ((await readObject(req, res)) === undefined) return;
    const sub = decodeURIComponent(revoke[1]);
    if (!runtime.users.has(sub)) return sendError(res, 404, 'No such user');
    const result = runtime.grants.revoke(sub);
    runtime.broadcastUsers();
    return send(res, { sub, ...result });
  }
  switch (route) {
    case 'POST credentials': {
      const body = await readObject(req, res);
      if (body === undefined) return;
      try {
        return send(res, presetCredential(runtime.context.provider, body));
      } catch (error) {
        return sendError(res, 400, problem(error));
      }
    }
    case 'POST keys/rotate': {
      if ((await readObject(req, res)) === undefined) return;
      const kid = await runtime.context.keys.rotate();
      runtime.broadcastKeys();
      return send(res, { kid });
    }
    case 'POST faults': {
      const body = await readObject(req, res);
      if (body === undefined) return;
      try {
        runtime.context.faults.push(checkInjection(body));
      } catch (error) {
        return sendError(res, 400, problem(error));
      }
      runtime.broadcastFaults();
      return send(res, { armed: runtime.context.faults.list() });
    }
    case 'DELETE faults':
      runtime.context.faults.clear();
      runtime.broadcastFaults();
      return send(res, { armed: [] });
    case 'POST exchanges/clear':
      if ((await readObject(req, res)) === undefined) return;
      runtime.book.clear();
      runtime.stream.send('cleared', {});
      return send(res, { cleared: true });
    case 'POST send': {
      const body = await readObject(req, res);
      if (body === undefined) return;
      const target = checkTarget(body['url'], runtime.backendUrl);
      if (typeof target === 'string') return sendError(res, 400, target);
      return send(res, await relayLogin(target, body['body']));
    }
    default:
      return sendError(res, 404, `Not found: ${route.slice(0, 100)}`);
  }
}
