import { decodeSegment } from './base64url';
import { JwtError } from './jwt-error';
import { isJsonObject } from './plain-object';

/** A JWS protected header as sent: any JSON object. Nothing in it is trusted until `verifyJwt` returns. */
export type JwsHeader = { readonly [parameter: string]: unknown };

/** A JWT claims set as sent: any JSON object. Nothing in it is trusted until `verifyJwt` returns. */
export type JwtPayload = { readonly [claim: string]: unknown };

/**
 * UTF-8 as jose reads it (its `TextDecoder` drops a leading BOM and replaces malformed bytes with
 * U+FFFD). Node's `TextDecoder` runs the same UTF-8 decoder as `Buffer#toString` after dropping the BOM;
 * calling `Buffer#toString` directly skips the decoder's per-call JavaScript layer (bench/PROFILE.md, F9).
 */
function utf8(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(utf8(bytes));
  } catch {
    return undefined;
  }
}

function invalid(message: string): JwtError {
  return new JwtError('ERR_JWS_INVALID', message);
}

/**
 * A compact JWS split and decoded once; verify it with `verifyJwt`. Only the constructor (or
 * `parseJwt`) makes one, so its parts always come from one token.
 */
export class ParsedJwt {
  /** The protected header. */
  readonly header: JwsHeader;
  /**
   * The claims set, or `undefined` when the payload is not a JSON object: `verifyJwt` then refuses
   * the token with `ERR_JWT_INVALID` once the signature has been checked, the order jose uses.
   */
  readonly payload: JwtPayload | undefined;
  /** What was signed: the header and payload segments joined by `.`. */
  readonly signingInput: string;
  /** The decoded signature. */
  readonly signature: Buffer;

  /** Throws `JwtError('ERR_JWS_INVALID')` unless `token` is three base64url segments with a JSON object header. */
  constructor(token: string) {
    if (typeof token !== 'string') throw invalid('Compact JWS must be a string');
    const first = token.indexOf('.');
    const second = first < 0 ? -1 : token.indexOf('.', first + 1);
    // Two dots exactly: a JWE (five segments) or anything else is not a compact JWS.
    if (second < 0 || token.indexOf('.', second + 1) >= 0) throw invalid('Invalid Compact JWS');
    const header = parseJson(decodeSegment(token.slice(0, first)));
    if (!isJsonObject(header)) throw invalid('JWS Protected Header is invalid');
    const signature = decodeSegment(token.slice(second + 1));
    const payload = parseJson(decodeSegment(token.slice(first + 1, second)));
    this.header = header;
    this.payload = isJsonObject(payload) ? payload : undefined;
    this.signingInput = token.slice(0, second);
    this.signature = signature;
  }
}

/** Splits and decodes a compact JWS (see `ParsedJwt`); throws `JwtError`, never verifies. */
export function parseJwt(token: string): ParsedJwt {
  return new ParsedJwt(token);
}
