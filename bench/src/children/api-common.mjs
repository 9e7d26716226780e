// What every API-call backend shares: the protected route and the checks every verifier applies.
import { APP, emulatorUrl } from './backend-common.mjs';

/** The route the load generator calls with `Authorization: Bearer <access token>`. */
export const API_PATH = '/api/me';

/** The access token checks every API backend makes (the floor: the signature only). */
export function apiChecks() {
  const base = emulatorUrl();
  return { issuer: `${base}/oidc`, audience: APP.appId, jwksUri: `${base}/oidc/.well-known/jwks.json`, algorithms: ['RS256'] };
}
