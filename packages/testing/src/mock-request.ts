import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import type { GenAuthRequest } from '@passport-genauth/core';

/** What a fake request is made of. Omit `body` to simulate an app without a body parser. */
export interface MockRequestInit {
  body?: unknown;
  query?: Record<string, unknown>;
  headers?: Record<string, string>;
  method?: string;
  url?: string;
}

/** A real `IncomingMessage` (not connected) carrying a parsed body, query and headers, as Express would leave it. */
export function mockRequest(init: MockRequestInit = {}): IncomingMessage & GenAuthRequest {
  const req = new IncomingMessage(new Socket()) as IncomingMessage & GenAuthRequest;
  req.method = init.method ?? 'POST';
  req.url = init.url ?? '/auth';
  for (const [name, value] of Object.entries(init.headers ?? {})) req.headers[name.toLowerCase()] = value;
  // Some body-parser typings augment IncomingMessage's `body`; the kit sets it as a GenAuthRequest.
  if ('body' in init) (req as GenAuthRequest).body = init.body;
  req.query = init.query ?? {};
  return req;
}
