/**
 * The request body was larger than `maxBodyBytes`: answered 413 `PAYLOAD_TOO_LARGE` (as the Express
 * example's body parser does) before anything is sent to GenAuth.
 */
export class PayloadTooLargeError extends Error {
  /** The HTTP status to answer with. */
  readonly status = 413;
  /** Stable code, the one in the JSON answer. */
  readonly code = 'PAYLOAD_TOO_LARGE';
  /** The message is safe to show to the client. */
  readonly expose = true;

  constructor(message: string) {
    super(message);
    this.name = 'PayloadTooLargeError';
  }
}
