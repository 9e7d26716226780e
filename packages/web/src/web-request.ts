import type { IncomingHttpHeaders } from 'node:http';
import type { GenAuthRequest } from '@passport-genauth/core';
import { paramsToObject } from './read-body';

/**
 * The request a strategy sees for a fetch `Request`: lower-cased headers as Node would deliver them,
 * the body read once, the query string of the URL, and the original `Request` as `raw` (for a verify
 * with `passReqToCallback`, or `options(req)`, that needs the URL, cookies or the client address).
 */
export interface WebGenAuthRequest extends GenAuthRequest {
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON object or form; undefined when the request had no body. */
  readonly body: unknown;
  /** The query string of the URL; a repeated name is an array. Read only by strategies that opt in. */
  readonly query: Readonly<Record<string, string | string[]>>;
  /** The fetch `Request` this login came from (its body is already read). */
  readonly raw: Request;
}

/** A `Headers` as Node's `IncomingHttpHeaders`: lower-cased names, repeated values joined, no prototype. */
export function toNodeHeaders(headers: Headers): IncomingHttpHeaders {
  const result = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of headers) {
    const previous = result[name];
    if (name === 'set-cookie') result[name] = [...((previous as string[] | undefined) ?? []), value];
    else result[name] = previous === undefined ? value : `${String(previous)}, ${value}`;
  }
  return result;
}

/** The query string of `url` as an object (empty when the URL cannot be parsed). */
export function queryOf(url: string): Record<string, string | string[]> {
  try {
    return paramsToObject(new URL(url).searchParams);
  } catch {
    return paramsToObject(new URLSearchParams());
  }
}

/** Builds the strategy's request from a fetch `Request` and its already-read body. */
export function toGenAuthRequest(request: Request, body: unknown): WebGenAuthRequest {
  return { headers: toNodeHeaders(request.headers), body, query: queryOf(request.url), raw: request };
}
