import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { EmulatorContext } from './context';
import { CONTROL_PREFIX, handleControl } from './control-routes';
import type { Dashboard } from './dashboard/dashboard';
import { failureEnvelope, reject } from './envelope';
import { sendJson } from './http-io';
import { handleLifecycle } from './lifecycle/routes';
import { DISCOVERY_PATH, serveDiscovery, serveJwks } from './metadata-routes';
import { handleSignin, SIGNIN_PATH } from './signin-route';

/** The HTTP server and every socket it has open (so that close() can destroy hanging ones). */
export interface EmulatorServer {
  readonly server: Server;
  readonly sockets: ReadonlySet<Socket>;
}

function answerEnvelope(context: EmulatorContext, res: ServerResponse, httpStatus: number, message: string): void {
  const requestId = context.requestIds.next();
  sendJson(res, httpStatus, JSON.stringify(failureEnvelope(reject(httpStatus, message), requestId)), requestId);
}

async function route(context: EmulatorContext, dashboard: Dashboard | undefined, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  const method = req.method ?? 'GET';
  const served = dashboard?.serve(req, res, path, query < 0 ? '' : url.slice(query + 1));
  if (served !== undefined) return served;
  if (path === SIGNIN_PATH) {
    if (method === 'POST') return handleSignin(context, req, res);
    res.setHeader('allow', 'POST');
    return answerEnvelope(context, res, 405, `Method not allowed: ${method} ${SIGNIN_PATH}`);
  }
  if (path.startsWith(CONTROL_PREFIX)) return handleControl(context, req, res, path);
  if (await handleLifecycle(context, req, res, path)) return;
  if (method === 'GET') {
    if (serveJwks(context, path, res, req)) return;
    if (path === DISCOVERY_PATH) return serveDiscovery(context, req, res);
  }
  return answerEnvelope(context, res, 404, `Not found: ${method} ${path.slice(0, 200)}`);
}

/** Creates (does not start) the emulator's HTTP server; with a dashboard, it serves `/` and watches every answer. */
export function createEmulatorServer(context: EmulatorContext, dashboard?: Dashboard): EmulatorServer {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    route(context, dashboard, req, res).catch(() => {
      // Only an aborted request or a broken socket gets here: there is nobody left to answer.
      if (!res.headersSent && !res.destroyed) answerEnvelope(context, res, 500, 'Internal emulator error');
      else res.destroy();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return { server, sockets };
}
