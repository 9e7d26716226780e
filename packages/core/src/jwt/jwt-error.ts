/**
 * Why a token was refused. The names are jose's, so code that matched on jose's `code` keeps working;
 * `ERR_JWS_KEY_UNUSABLE` is the one addition (jose throws a plain `TypeError` there: a key of the wrong
 * type for the `alg`, an RSA key under 2048 bits).
 */
export type JwtErrorCode =
  | 'ERR_JWS_INVALID'
  | 'ERR_JWT_INVALID'
  | 'ERR_JOSE_ALG_NOT_ALLOWED'
  | 'ERR_JOSE_NOT_SUPPORTED'
  | 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
  | 'ERR_JWS_KEY_UNUSABLE'
  | 'ERR_JWT_EXPIRED'
  | 'ERR_JWT_CLAIM_VALIDATION_FAILED'
  | 'ERR_JWKS_NO_MATCHING_KEY'
  | 'ERR_JWKS_MULTIPLE_MATCHING_KEYS'
  | 'ERR_JWKS_INVALID';

/** Why a claim failed, as jose names it: absent, present with the wrong type, or a failed comparison. */
export type JwtClaimReason = 'missing' | 'invalid' | 'check_failed';

/**
 * A refused token or key set. It never carries the token, its header or its payload, nor a `cause`:
 * jose's claim errors hold the whole payload, which put users' emails and phone numbers into
 * `util.inspect` output and error trackers. The message is a fixed sentence; `claim` is the claim name
 * from the caller's own checks, never a value from the token.
 */
export class JwtError extends Error {
  /** Stable machine-readable code; match on it. */
  readonly code: JwtErrorCode;
  /** The claim that failed, for `ERR_JWT_CLAIM_VALIDATION_FAILED` and `ERR_JWT_EXPIRED` (absent, not `undefined`, otherwise). */
  declare readonly claim?: string;
  /** How the claim failed, alongside `claim`. */
  declare readonly reason?: JwtClaimReason;

  constructor(code: JwtErrorCode, message: string, claim?: string, reason?: JwtClaimReason) {
    super(message);
    this.name = 'JwtError';
    this.code = code;
    if (claim !== undefined) this.claim = claim;
    if (reason !== undefined) this.reason = reason;
  }
}
