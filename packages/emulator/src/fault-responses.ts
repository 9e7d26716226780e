import type { ServerResponse } from 'node:http';
import type { Envelope } from './envelope';
import type { EnvelopeFaultKind, FaultKind } from './faults';
import { sendJson } from './http-io';

const OVERSIZE_BYTES = 5 * 1024 * 1024;
let oversizePadding: Buffer | undefined;

/** What a faulted answer put on the wire, for the log. */
export interface FaultAnswer {
  readonly httpStatus: number | null;
  readonly statusCode: number | null;
}

const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>' +
  '<body><h1>502 Bad Gateway</h1><p>The upstream server returned an invalid response.</p></body></html>\n';

/**
 * Answers (or refuses to answer) a sign-in with an injected fault; `latency` is not handled here since
 * it answers normally after its delay.
 */
export function writeFault(res: ServerResponse, kind: Exclude<FaultKind, 'latency' | EnvelopeFaultKind>, requestId: string): FaultAnswer {
  switch (kind) {
    case 'status-500':
    case 'status-502':
    case 'status-503': {
      const status = Number(kind.slice('status-'.length));
      const message = status === 500 ? 'Internal server error' : status === 502 ? 'Bad gateway' : 'Service unavailable';
      sendJson(res, status, JSON.stringify({ statusCode: status, message, requestId, data: null }), requestId);
      return { httpStatus: status, statusCode: status };
    }
    case 'html':
      res.writeHead(502, { 'content-type': 'text/html; charset=utf-8', 'x-request-id': requestId }).end(HTML_PAGE);
      return { httpStatus: 502, statusCode: null };
    case 'malformed-json': {
      const whole = JSON.stringify({ statusCode: 200, message: '', requestId, data: { access_token: 'eyJhbGciOi' } });
      sendJson(res, 200, whole.slice(0, Math.floor(whole.length / 2)), requestId);
      return { httpStatus: 200, statusCode: null };
    }
    case 'wrong-content-type':
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'x-request-id': requestId }).end('OK: this answer is plain text, not GenAuth JSON\n');
      return { httpStatus: 200, statusCode: null };
    case 'oversize': {
      // A valid envelope of about 5 MiB; the padding is built once and reused.
      oversizePadding ??= Buffer.alloc(OVERSIZE_BYTES, 'x');
      const head = Buffer.from(`{"statusCode":200,"message":"","requestId":"${requestId}","data":null,"padding":"`);
      const tail = Buffer.from('"}');
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': head.length + oversizePadding.length + tail.length,
        'x-request-id': requestId,
      });
      res.write(head);
      res.write(oversizePadding);
      res.end(tail);
      return { httpStatus: 200, statusCode: null };
    }
    case 'reset':
      res.socket?.resetAndDestroy();
      return { httpStatus: null, statusCode: null };
    case 'hang':
      // Never answer: the socket stays open until the client gives up or the emulator closes.
      return { httpStatus: null, statusCode: null };
  }
}

/**
 * A failure envelope as GenAuth's other error shapes put it: without `data` (`error-without-data`) or
 * with `apiCode` as a numeric string (`string-api-code`). A success envelope is returned unchanged.
 */
export function reshapeEnvelope(envelope: Envelope<unknown>, kind: EnvelopeFaultKind): Record<string, unknown> {
  if (envelope.statusCode === 200) return { ...envelope };
  if (kind === 'error-without-data') {
    const { data: _data, ...rest } = envelope;
    return rest;
  }
  return envelope.apiCode === undefined ? { ...envelope } : { ...envelope, apiCode: String(envelope.apiCode) };
}
