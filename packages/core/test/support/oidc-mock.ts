import type { MockGenAuth } from '@passport-genauth/testing';

/** One request the client sent to an `/oidc/*` endpoint, as GenAuth would receive it. */
export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  /** The raw body, exactly as sent. */
  readonly body: string;
}

/** An answer of the mock endpoint. */
export interface MockAnswer {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

function normalise(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2) out[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
  } else if (headers && typeof headers === 'object') {
    for (const [key, value] of Object.entries(headers as Record<string, unknown>)) out[key.toLowerCase()] = String(value);
  }
  return out;
}

/**
 * Answers the next request to `path` with `answerWith` (or what it returns per request; JSON unless a string) and records what was sent.
 * `persist` keeps answering every later request too.
 */
export function answerOidc(
  mock: MockGenAuth,
  method: 'GET' | 'POST',
  path: string,
  answerWith: MockAnswer | ((sent: SentRequest) => MockAnswer),
  persist = false,
): SentRequest[] {
  const sent: SentRequest[] = [];
  const scope = mock.pool.intercept({ path: (value) => value.split('?')[0] === path, method }).reply((options) => {
    const request = {
      method: options.method,
      path: options.path,
      headers: normalise(options.headers),
      body:
        typeof options.body === 'string'
          ? options.body
          : options.body === undefined || options.body === null
            ? ''
            : Buffer.from(options.body as Uint8Array).toString(),
    };
    sent.push(request);
    const answer = typeof answerWith === 'function' ? answerWith(request) : answerWith;
    const body = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    const json = typeof answer.body === 'object' && answer.body !== null;
    return {
      statusCode: answer.status ?? 200,
      data: body,
      responseOptions: { headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...answer.headers } },
    };
  });
  if (persist) scope.persist();
  return sent;
}
