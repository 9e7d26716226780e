import type { ErrorRequestHandler, RequestHandler } from 'express';
import { getAuthFailure } from '@passport-genauth/core';
import { errorBody } from './error-body';

/** The full message of a server-side failure, for the log only. */
function serverMessage(error: unknown, req: object): string {
  return getAuthFailure(req)?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Where the app writes one line per notable event (never a token or a secret). */
export type LogLine = (line: string) => void;

/** The app's last error handler: every error becomes the JSON of `errorBody`, with its status. */
export function jsonErrors(log: LogLine): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const body = errorBody(error, req);
    const ids = [body.apiCode !== undefined ? `apiCode=${body.apiCode}` : '', body.requestId ? `requestId=${body.requestId}` : ''].filter(Boolean).join(' ');
    log(`${req.method} ${req.path} → ${body.status} ${body.code}${ids ? ` ${ids}` : ''}`);
    // The client got a generic message for a 5xx: the real one (safe to log, never a secret) goes here.
    if (body.code === 'INTERNAL_ERROR') log(`  unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    else if (body.status >= 500) log(`  ${serverMessage(error, req)}`);
    if (res.headersSent) return next(error);
    res.status(body.status).json(body);
  };
}

/** Answers requests no route matched with a JSON 404. */
export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ message: `No route for ${req.method} ${req.path}`, code: 'NOT_FOUND', status: 404 });
};
