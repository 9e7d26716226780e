import type { IncomingHttpHeaders } from 'node:http';

/**
 * The request as a strategy sees it: lower-cased headers plus what the framework parsed. Node's
 * `IncomingMessage` with Express's `body`/`query` satisfies it, and so does a plain object built by a
 * framework adapter (Koa, Fastify, a fetch `Request`): nothing else of the request is read.
 */
export interface GenAuthRequest {
  /** Lower-cased header names, as Node delivers them. */
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON or form body, when a body parser ran. */
  body?: unknown;
  /** The parsed query string (read only for fields a strategy opts in to). */
  query?: unknown;
}
