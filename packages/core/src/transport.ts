import type { Dispatcher } from 'undici';
import { HttpError, InvalidResponseError } from './errors';
import { RequestDeadline } from './request-deadline';
import { sendRequest } from './undici-parts';

/** A response read in full, within the size cap. */
export interface RawResponse {
  readonly status: number;
  readonly contentType: string;
  /** The `cache-control` header, `''` when absent. */
  readonly cacheControl?: string;
  readonly text: string;
}

/** One HTTP exchange: no retry, a deadline covering headers and body, and a body size cap. */
export interface ExchangeOptions {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly dispatcher: Dispatcher;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Sends one request and reads the whole body. Network failures, the deadline and aborts become
 * `HttpError`s (502 / 504 / 499); a body over the cap becomes an `InvalidResponseError`.
 */
export async function exchange(url: string, options: ExchangeOptions): Promise<RawResponse> {
  // One timer per exchange, cleared as soon as it is over. (AbortSignal.timeout() would leave every
  // finished request's timer, WeakRef and finalization record alive for the full timeoutMs.)
  const deadline = new RequestDeadline(options.timeoutMs, options.signal);
  try {
    const response = await sendRequest(options.dispatcher, url, {
      method: options.method,
      headers: options.headers,
      body: options.body ?? null,
      signal: deadline,
    });
    const contentType = headerValue(response.headers['content-type']);
    const text = await readCapped(response.body, options.maxBytes, headerValue(response.headers['content-length']));
    return { status: response.statusCode, contentType, cacheControl: headerValue(response.headers['cache-control']), text };
  } catch (error) {
    if (error instanceof InvalidResponseError) throw error;
    throw transportFailure(error, deadline, options);
  } finally {
    deadline.clear();
  }
}

function transportFailure(error: unknown, deadline: RequestDeadline, options: ExchangeOptions): HttpError {
  if (deadline.timedOut) {
    return new HttpError(`GenAuth did not answer within ${options.timeoutMs} ms`, 'timeout', { status: 504, cause: error });
  }
  if (options.signal?.aborted) {
    return new HttpError('The GenAuth request was aborted', 'aborted', { status: 499, cause: error });
  }
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  const detail = typeof code === 'string' && code !== '' ? ` (${code})` : '';
  return new HttpError(`Could not reach GenAuth${detail}`, 'network', { status: 502, cause: error });
}

async function readCapped(body: Dispatcher.ResponseData['body'], maxBytes: number, declared: string): Promise<string> {
  if (declared && Number(declared) > maxBytes) {
    body.destroy();
    throw tooLarge(maxBytes);
  }
  // A declared length within the cap bounds the body (undici refuses a body longer than its
  // content-length), so undici's own reader can take it in one piece, without an async iterator.
  if (declared && Number(declared) <= maxBytes) return body.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      body.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(buffer);
  }
  return chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
}

function tooLarge(maxBytes: number): InvalidResponseError {
  return new InvalidResponseError(`GenAuth's response exceeded ${maxBytes} bytes`);
}

function headerValue(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}
