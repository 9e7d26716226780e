import type { JwsHeader } from './decode';
import { JwtError } from './jwt-error';

function invalid(message: string): JwtError {
  return new JwtError('ERR_JWS_INVALID', message);
}

/**
 * jose's `crit` rules (RFC 7515 §4.1.11) with the one extension it knows, `b64` (RFC 7797): `crit`,
 * when present, is a non-empty array of non-empty strings, each one `b64` and present in the header;
 * `b64` then must be a boolean. Returns whether the payload is unencoded (`b64: false` under `crit`),
 * which a JWT may not be: `verifyJwt` refuses it once the signature is checked, as jose does.
 */
export function unencodedPayload(header: JwsHeader): boolean {
  const crit = header.crit;
  if (crit === undefined) return false;
  if (!Array.isArray(crit) || crit.length === 0 || crit.some((name) => typeof name !== 'string' || name.length === 0)) {
    throw invalid('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  }
  for (const name of crit as readonly string[]) {
    // The name is not echoed: it comes from the token.
    if (name !== 'b64') throw new JwtError('ERR_JOSE_NOT_SUPPORTED', 'an Extension Header Parameter in "crit" is not recognized');
    if (header.b64 === undefined) throw invalid('Extension Header Parameter "b64" is missing');
  }
  if (typeof header.b64 !== 'boolean') throw invalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
  return !header.b64;
}
