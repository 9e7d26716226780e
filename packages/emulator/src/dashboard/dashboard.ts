import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context';
import { handleApi, sendError } from './api-routes';
import { refusal } from './guard';
import { pageAssets, type PageAsset } from './page/assets';
import { DashboardRuntime } from './runtime';

/** Where the dashboard's assets and API live (the page itself is at `/`). */
export const DASHBOARD_PREFIX = '/__emulator/dashboard/';

/** How the dashboard was asked for. */
export interface DashboardSettings {
  /** The backend the page posts logins to and writes `curl` lines for, if any. */
  readonly backendUrl: string | undefined;
  /** Answer requests addressed to any host name (only when the emulator listens beyond loopback on purpose). */
  readonly allowRemote: boolean;
}

/** The dashboard as the server and the emulator use it. */
export interface Dashboard {
  /**
   * Serves `path` when it is the dashboard's; otherwise starts watching the answer (for latency and
   * decoded tokens) and returns undefined so that the emulator serves it.
   */
  serve(req: IncomingMessage, res: ServerResponse, path: string, query: string): Promise<void> | undefined;
  /** Tells open pages that something changed from code (`rotateKeys()`, `injectFaults()`, `reset()` …). */
  changed(what: 'keys' | 'faults' | 'reset'): void;
  /** Ends every event stream. */
  close(): void;
}

const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function sendAsset(req: IncomingMessage, res: ServerResponse, asset: PageAsset): void {
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, { etag: asset.etag, 'cache-control': 'no-cache' }).end();
    return;
  }
  const headers = { ...PAGE_HEADERS, 'content-type': asset.contentType, 'content-length': asset.body.length, etag: asset.etag, 'cache-control': 'no-cache' };
  res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : asset.body);
}

/** Creates the dashboard of a running emulator: it listens to the request log from now on. */
export function createDashboard(context: EmulatorContext, settings: DashboardSettings): Dashboard {
  const runtime = new DashboardRuntime(context, settings.backendUrl);
  context.log.subscribe((entry) => {
    try {
      runtime.record(entry);
    } catch {
      // The dashboard only watches: whatever goes wrong in it must never change a sign-in's answer.
    }
  });

  async function handle(req: IncomingMessage, res: ServerResponse, path: string, query: string): Promise<void> {
    const refused = refusal(req, settings.allowRemote);
    if (refused !== undefined) return sendError(res, refused.status, refused.error);
    const method = req.method ?? 'GET';
    const readOnly = method === 'GET' || method === 'HEAD';
    if (path === '/') {
      if (!readOnly) return sendError(res, 405, 'The dashboard page answers GET');
      return sendAsset(req, res, pageAssets().page);
    }
    const route = path.slice(DASHBOARD_PREFIX.length);
    const asset = readOnly ? pageAssets().files[route] : undefined;
    if (asset !== undefined) return sendAsset(req, res, asset);
    if (route === 'events' && method === 'GET') return runtime.stream.open(req, res, runtime.snapshot());
    return handleApi(runtime, req, res, `${method} ${route}`, new URLSearchParams(query));
  }

  return {
    serve(req, res, path, query) {
      if (path === '/' || path.startsWith(DASHBOARD_PREFIX)) return handle(req, res, path, query);
      runtime.observer.watch(req.headers, res);
      return undefined;
    },
    changed(what) {
      if (what === 'keys') runtime.broadcastKeys();
      else if (what === 'faults') runtime.broadcastFaults();
      else runtime.reset();
    },
    close: () => runtime.stream.close(),
  };
}
