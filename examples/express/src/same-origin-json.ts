import type { RequestHandler } from 'express';

/**
 * Login CSRF defence for cookie sessions. A cross-site page can make the victim's browser POST a
 * `<form>` (urlencoded, multipart or text/plain) carrying the attacker's own one-time code, and the
 * victim would end up signed in as the attacker. Browsers cannot send `application/json` cross-site
 * without a CORS preflight this app never grants, so state-changing requests must be JSON, and a
 * present `Origin` must be this app's own (or one the app lists).
 */
export function sameOriginJsonOnly(allowedOrigins: readonly string[] = []): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const origin = req.get('origin');
    if (origin !== undefined && origin !== `${req.protocol}://${req.get('host') ?? ''}` && !allowed.has(origin)) {
      res.status(403).json({ message: `Cross-site request refused (Origin ${origin})`, code: 'CROSS_SITE_REQUEST', status: 403 });
      return;
    }
    const length = req.get('content-length');
    const hasBody = (length !== undefined && length !== '0') || req.get('transfer-encoding') !== undefined;
    if (hasBody && !req.is('application/json')) {
      res.status(415).json({ message: 'Send the request body as application/json', code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
      return;
    }
    next();
  };
}
