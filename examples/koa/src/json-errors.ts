import type { Middleware } from 'koa';

/** Where the app writes one line per notable event (never a token). */
export type LogLine = (line: string) => void;

interface HttpishError {
  readonly status?: unknown;
  readonly type?: unknown;
  readonly expose?: unknown;
  readonly message?: unknown;
}

const BODY_PARSER_CODES: Readonly<Record<string, string>> = {
  'entity.parse.failed': 'INVALID_JSON',
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
};

/**
 * The outermost middleware: a JSON 404 when no route answered, and JSON for whatever an inner
 * middleware threw (a body-parser 4xx keeps its status and names its cause; anything else is a 500 that reveals nothing).
 * Login failures never get here: `genauth()` answers them itself.
 */
export function jsonErrors(log: LogLine): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        ctx.body = { message: `No route for ${ctx.method} ${ctx.path}`, code: 'NOT_FOUND', status: 404 };
      }
    } catch (error) {
      const http = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
      const status = typeof http.status === 'number' ? http.status : 500;
      // co-body's JSON parse error: a bare SyntaxError with status 400 (its `body` holds the raw request: never echo it).
      if (error instanceof SyntaxError && status === 400) {
        ctx.status = 400;
        ctx.body = { message: 'The request body is not valid JSON', code: 'INVALID_JSON', status: 400 };
        return;
      }
      if (typeof http.type === 'string' && http.expose === true && status >= 400 && status < 500) {
        ctx.status = status;
        ctx.body = { message: String(http.message), code: BODY_PARSER_CODES[http.type] ?? 'BAD_REQUEST', status };
        return;
      }
      log(`${ctx.method} ${ctx.path} → 500 INTERNAL_ERROR: ${error instanceof Error ? error.message : String(error)}`);
      ctx.status = 500;
      ctx.body = { message: 'Internal Server Error', code: 'INTERNAL_ERROR', status: 500 };
    }
  };
}
