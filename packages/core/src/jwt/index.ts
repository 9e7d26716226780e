export { JwtError, type JwtClaimReason, type JwtErrorCode } from './jwt-error';
export { ParsedJwt, parseJwt, type JwsHeader, type JwtPayload } from './decode';
export { KeySet } from './key-set';
export { verifyJwt, type JwtCheck } from './verify';
export type { JwtAlgorithm } from './signature';
