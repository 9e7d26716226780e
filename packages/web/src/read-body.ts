/** The body cap when none is given: the same 64 kB as the Express example's body parser. */
export const DEFAULT_MAX_BODY_BYTES = 65_536;

/** What reading a request body gave: the parsed body (undefined when empty), or why it was refused. */
export type BodyReading =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly problem: 'unparseable'; readonly message: string }
  | { readonly ok: false; readonly problem: 'too-large'; readonly message: string };

const ACCEPTED = 'send application/json or application/x-www-form-urlencoded';

function unparseable(message: string): BodyReading {
  return { ok: false, problem: 'unparseable', message: `Invalid request body: ${message}` };
}

function tooLarge(maxBytes: number): BodyReading {
  return { ok: false, problem: 'too-large', message: `The request body is larger than ${maxBytes} bytes` };
}

/**
 * The body's bytes, or null beyond `maxBytes`: a declared `Content-Length` over the cap is refused
 * unread (the server discards the rest), a longer stream is cancelled at the cap.
 */
async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) return null;
  if (!request.body) return new Uint8Array(0);
  const reader: ReadableStreamDefaultReader<Uint8Array> = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The media type and charset of a `Content-Type` header, lower-cased. */
function mediaType(header: string | null): { type: string; charset: string | undefined } {
  const [type = '', ...params] = (header ?? '').split(';');
  const charsetParam = params.map((param) => param.trim().toLowerCase()).find((param) => param.startsWith('charset='));
  const charset = charsetParam?.slice('charset='.length).replace(/^"(.*)"$/, '$1');
  return { type: type.trim().toLowerCase(), charset };
}

/** A form or query string as an object without prototype; a repeated name becomes an array. */
export function paramsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of params) {
    const previous = result[name];
    result[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return result;
}

function isJson(type: string): boolean {
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function parseJson(text: string): BodyReading {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return unparseable('not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return unparseable('the JSON body must be an object');
  return { ok: true, body };
}

/**
 * Reads a fetch `Request`'s body once, at most `maxBytes` of it: JSON (an object) or a URL-encoded
 * form, in UTF-8. An empty body is `undefined`; anything else that cannot be read as one of those two
 * is refused with a message saying why.
 */
export async function readBody(request: Request, maxBytes: number): Promise<BodyReading> {
  const bytes = await readCapped(request, maxBytes);
  if (bytes === null) return tooLarge(maxBytes);
  if (bytes.byteLength === 0) return { ok: true, body: undefined };
  const { type, charset } = mediaType(request.headers.get('content-type'));
  if (type === '') return unparseable(`the body has no Content-Type; ${ACCEPTED}`);
  if (!isJson(type) && type !== 'application/x-www-form-urlencoded') return unparseable(`unsupported Content-Type ${type}; ${ACCEPTED}`);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return unparseable(`unsupported charset ${charset}; send UTF-8`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return unparseable('not valid UTF-8');
  }
  return isJson(type) ? parseJson(text) : { ok: true, body: paramsToObject(new URLSearchParams(text)) };
}
