/**
 * Decodes one segment of a compact JWS exactly as jose does (`Buffer.from(segment, 'base64url')`):
 * the differential test against jose requires the same tokens to be accepted and refused. That
 * decoder tolerates padding, `+`/`/`, whitespace and stray trailing bits, so one signature has several
 * spellings; nothing here keys on the token's text (introspection caches by `jti`), so accepting
 * them opens nothing. The header and payload segments are what is signed, as sent.
 */
export function decodeSegment(segment: string): Buffer {
  return Buffer.from(segment, 'base64url');
}
