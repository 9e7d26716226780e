import type { IncomingMessage, ServerResponse } from 'node:http';
import { reject, type Rejection } from './envelope';
import { isPlainObject } from './payload-validation';

/** The largest request body GenAuth's emulator reads: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request body as read: the bytes, or undefined when it was larger than the limit. */
export interface RawBody {
  readonly bytes: Buffer | undefined;
  readonly size: number;
}

/** Reads the whole body; past `limit` it keeps draining (so the client can read the answer) but keeps nothing. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<RawBody> {
  return new Promise((resolve, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve({ bytes: size <= limit ? Buffer.concat(chunks, size) : undefined, size }));
    req.on('error', fail);
    req.on('close', () => {
      if (!req.complete) fail(new Error('request aborted'));
    });
  });
}

/** A body after the content-type and JSON checks: the object, and what the log should show. */
export type ParsedBody =
  { readonly ok: true; readonly body: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly rejection: Rejection; readonly logged: unknown };

const JSON_TYPE = /^application\/json[ \t]*(;|$)/i;

/** Accepts `application/json` with or without parameters (a charset), up to 1 MiB, holding an object. */
export function parseJsonBody(contentType: string | undefined, raw: RawBody): ParsedBody {
  let logged: unknown;
  if (raw.bytes !== undefined) {
    try {
      logged = JSON.parse(raw.bytes.toString('utf8'));
    } catch {
      logged = undefined;
    }
  }
  if (contentType === undefined || !JSON_TYPE.test(contentType.trim())) {
    return { ok: false, rejection: reject(400, 'Content-Type must be application/json'), logged };
  }
  if (raw.bytes === undefined) return { ok: false, rejection: reject(400, 'Request body exceeds 1 MiB'), logged };
  if (logged === undefined) return { ok: false, rejection: reject(400, 'Request body is not valid JSON'), logged };
  if (!isPlainObject(logged)) return { ok: false, rejection: reject(400, 'Request body must be a JSON object'), logged };
  return { ok: true, body: logged };
}

/** Sends a JSON answer with its request id echoed in `x-request-id`. */
export function sendJson(res: ServerResponse, httpStatus: number, json: string, requestId?: string): void {
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  };
  if (requestId !== undefined) headers['x-request-id'] = requestId;
  res.writeHead(httpStatus, headers).end(json);
}
