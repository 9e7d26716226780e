import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context';
import { failureEnvelope, reject, successEnvelope, type Envelope } from './envelope';
import { parseFaultHeader, reshapesEnvelope, type PlannedFault } from './faults';
import { reshapeEnvelope, writeFault } from './fault-responses';
import { isConnection } from './connections';
import { parseJsonBody, readBody, sendJson } from './http-io';
import { redactAuthorization, redactJsonBody } from './lifecycle/redaction';
import { signinLogDetails } from './lifecycle/signin-log-details';
import type { RequestLogInput } from './request-log';
import { signIn, type SigninResult } from './signin';

/** The GenAuth API path the strategies call. */
export const SIGNIN_PATH = '/api/v3/signin-by-mobile';

/** The `<scheme>://<host>` the client used, so that `iss` equals `{url}/oidc` when it used the emulator's url. */
export function originOf(req: IncomingMessage, fallbackHost: string): string {
  return `http://${req.headers.host ?? fallbackHost}`;
}

function chooseFault(context: EmulatorContext, req: IncomingMessage): PlannedFault | string | undefined {
  const header = req.headers['x-emulator-fault'];
  if (context.options.faults && typeof header === 'string' && header !== '') return parseFaultHeader(header);
  return context.faults.take();
}

function delay(context: EmulatorContext, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      context.timers.delete(timer);
      resolve();
    }, ms);
    context.timers.add(timer);
  });
}

/**
 * Handles one sign-in over HTTP: reads the body, applies an injected fault if there is one (a failure
 * fault never reaches the provider, so it consumes nothing), then answers HTTP 200 with the envelope.
 */
export async function handleSignin(context: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = context.requestIds.next();
  const raw = await readBody(req);
  const parsed = parseJsonBody(req.headers['content-type'], raw);
  const logged = parsed.ok ? parsed.body : parsed.logged;
  const base = {
    method: req.method ?? 'POST',
    path: SIGNIN_PATH,
    headers: req.headers,
    body: redactJsonBody(logged),
    requestId,
    endpoint: 'signin-by-mobile' as const,
    ...signinLogDetails(req.headers, logged),
    ...(parsed.ok && isConnection(parsed.body['connection']) ? { connection: parsed.body['connection'] } : {}),
  };
  // Logged only once answered: the secret leaves the headers then, and the log never holds it.
  const record = (entry: RequestLogInput): void => {
    redactAuthorization(req.headers);
    context.log.record(entry);
  };
  const fault = chooseFault(context, req);
  if (fault !== undefined && typeof fault !== 'string' && fault.kind !== 'latency' && !reshapesEnvelope(fault.kind)) {
    const answer = writeFault(res, fault.kind, requestId);
    record({ ...base, at: Date.now(), outcome: 'faulted', fault: fault.kind, ...answer });
    return;
  }
  if (fault !== undefined && typeof fault !== 'string' && fault.kind === 'latency') {
    await delay(context, fault.latencyMs);
    if (res.destroyed) {
      // The client gave up while we waited: nothing reached the provider, so nothing is consumed.
      record({ ...base, at: Date.now(), outcome: 'faulted', fault: 'latency', statusCode: null, httpStatus: null });
      return;
    }
  }

  let result: SigninResult;
  if (typeof fault === 'string') result = { ok: false, rejection: reject(400, fault) };
  else if (!parsed.ok) result = { ok: false, rejection: parsed.rejection };
  else result = signIn(context, req.headers, parsed.body, `${originOf(req, context.fallbackHost)}/oidc`);

  const envelope: Envelope<unknown> = result.ok ? successEnvelope(result.data, requestId) : failureEnvelope(result.rejection, requestId);
  const reshape = fault !== undefined && typeof fault !== 'string' && reshapesEnvelope(fault.kind) ? fault.kind : undefined;
  sendJson(res, 200, JSON.stringify(reshape === undefined ? envelope : reshapeEnvelope(envelope, reshape)), requestId);
  record({
    ...base,
    at: Date.now(),
    outcome: result.ok ? 'accepted' : 'rejected',
    statusCode: envelope.statusCode,
    ...(envelope.apiCode === undefined ? {} : { apiCode: envelope.apiCode }),
    httpStatus: 200,
    ...(fault === undefined || typeof fault === 'string' ? {} : { fault: fault.kind }),
  });
}
