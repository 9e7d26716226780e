import type { JwtPayload } from './decode';
import { JwtError, type JwtClaimReason } from './jwt-error';

/** What the claims must satisfy (the part of `JwtCheck` read here). */
export interface ClaimsCheck {
  readonly issuer: string;
  readonly audience: string;
  readonly clockToleranceSec: number;
  readonly requiredClaims?: readonly string[] | undefined;
  readonly currentDate?: Date | undefined;
}

function failed(message: string, claim: string, reason: JwtClaimReason): JwtError {
  return new JwtError('ERR_JWT_CLAIM_VALIDATION_FAILED', message, claim, reason);
}

function requirePresent(payload: JwtPayload, claim: string): void {
  // `in`, as jose: a claim named like an Object.prototype member counts as present.
  if (!(claim in payload)) throw failed(`missing required "${claim}" claim`, claim, 'missing');
}

function audienceFits(aud: unknown, audience: string): boolean {
  return aud === audience || (Array.isArray(aud) && aud.includes(audience));
}

/**
 * jose's claim checks for `jwtVerify(…, { issuer, audience, clockTolerance, requiredClaims,
 * currentDate })`, in jose's order so the same token fails with the same code: presence (`iss`,
 * `aud`, then the required claims last to first), `iss` equal (unless `issuer` is empty), `aud`
 * equal or listing the audience (unless empty), `iat` a number when present, `nbf` not after now +
 * tolerance, `exp` after now − tolerance. Times are whole seconds since the epoch.
 */
export function checkClaims(payload: JwtPayload, check: ClaimsCheck): void {
  const { issuer, audience, requiredClaims } = check;
  requirePresent(payload, 'iss');
  requirePresent(payload, 'aud');
  if (requiredClaims !== undefined) {
    for (let index = requiredClaims.length - 1; index >= 0; index -= 1) requirePresent(payload, requiredClaims[index] as string);
  }
  if (issuer !== '' && payload.iss !== issuer) throw failed('unexpected "iss" claim value', 'iss', 'check_failed');
  if (audience !== '' && !audienceFits(payload.aud, audience)) throw failed('unexpected "aud" claim value', 'aud', 'check_failed');

  const tolerance = check.clockToleranceSec;
  const now = Math.floor((check.currentDate?.getTime() ?? Date.now()) / 1000);
  const { iat, nbf, exp } = payload;
  if (iat !== undefined && typeof iat !== 'number') throw failed('"iat" claim must be a number', 'iat', 'invalid');
  if (nbf !== undefined) {
    if (typeof nbf !== 'number') throw failed('"nbf" claim must be a number', 'nbf', 'invalid');
    if (nbf > now + tolerance) throw failed('"nbf" claim timestamp check failed', 'nbf', 'check_failed');
  }
  if (exp !== undefined) {
    if (typeof exp !== 'number') throw failed('"exp" claim must be a number', 'exp', 'invalid');
    if (exp <= now - tolerance) throw new JwtError('ERR_JWT_EXPIRED', '"exp" claim timestamp check failed', 'exp', 'check_failed');
  }
}
