import { randomBytes } from 'node:crypto';

/** The token set GenAuth returns in `data` on success (snake_case, as on the wire). */
export interface SigninData {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  scope: string;
  token_type: 'Bearer';
  expire_in: number;
  expires_in: number;
}

/** GenAuth's response envelope: `statusCode` carries the business outcome, HTTP is 200. */
export interface Envelope<T = SigninData> {
  statusCode: number;
  message: string;
  apiCode?: number;
  requestId: string;
  data: T | null;
}

/** A business failure before it gets its `requestId`. */
export interface Rejection {
  statusCode: number;
  message: string;
  apiCode?: number;
}

/** Builds a rejection; `apiCode` is only set when the error has a business meaning. */
export function reject(statusCode: number, message: string, apiCode?: number): Rejection {
  return apiCode === undefined ? { statusCode, message } : { statusCode, message, apiCode };
}

/** The envelope for a rejection (`data: null`). */
export function failureEnvelope(rejection: Rejection, requestId: string): Envelope<never> {
  const envelope: Envelope<never> = { statusCode: rejection.statusCode, message: rejection.message, requestId, data: null };
  if (rejection.apiCode !== undefined) envelope.apiCode = rejection.apiCode;
  return envelope;
}

/** The envelope for a successful sign-in. */
export function successEnvelope(data: SigninData, requestId: string): Envelope {
  return { statusCode: 200, message: '', requestId, data };
}

/**
 * Hands out unique request ids: a random per-instance prefix and a counter, so that an id costs no
 * crypto per request yet never repeats across emulators.
 */
export class RequestIds {
  readonly #prefix = randomBytes(8).toString('hex');
  #next = 0;

  /** A new 32-hex-character id. */
  next(): string {
    this.#next += 1;
    return this.#prefix + this.#next.toString(16).padStart(16, '0');
  }
}
