import type { Dispatcher } from 'undici';
import { HttpError, InvalidResponseError } from './errors';
import { RequestDeadline } from './request-deadline';
import { ResponseReader, type RawResponse } from './response-reader';
import { dispatchTo, type Outgoing } from './undici-parts';

/** One HTTP exchange: what is sent, through which dispatcher, with a deadline covering headers and body and a body size cap; no retry. */
export interface ExchangeOptions extends Outgoing {
  readonly dispatcher: Dispatcher;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Sends one request and reads the whole body. Network failures, the deadline and aborts become
 * `HttpError`s (502 / 504 / 499); a body over the cap becomes an `InvalidResponseError`. The deadline
 * ends the exchange even while the request still waits for a connection.
 */
export async function exchange(url: string, options: ExchangeOptions): Promise<RawResponse> {
  const reader = new ResponseReader(options.maxBytes);
  // One timer per exchange, cleared as soon as it is over. (AbortSignal.timeout() would leave every
  // finished request's timer, WeakRef and finalization record alive for the full timeoutMs.)
  const deadline = new RequestDeadline(options.timeoutMs, options.signal, (reason) => reader.abort(reason));
  try {
    if (!reader.settled) dispatchTo(options.dispatcher, url, options, reader);
    return await reader.response;
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
