import type { IncomingMessage } from 'node:http';

/**
 * The request as a strategy sees it: Node's request plus what Express (or any framework) parsed.
 * Express's `Request` satisfies it.
 */
export interface GenAuthRequest extends IncomingMessage {
  body?: unknown;
  query?: unknown;
}
