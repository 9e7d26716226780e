/** A JWT decoded for display (not verified: the emulator signed it, or a client sent it). */
export interface TokenView {
  /** Where it was found: `answer data.id_token`, `request token`, `request bearer` … */
  readonly source: string;
  readonly kind: 'id_token' | 'access_token' | 'refresh_token' | 'token';
  readonly alg?: string;
  readonly kid?: string;
  /** Whether its kid is the key that signs now, the previous one, or no longer published. */
  readonly key?: 'current' | 'previous' | 'unpublished' | 'app secret (HS256)';
  readonly claims?: Readonly<Record<string, unknown>>;
  /** For an opaque token (a refresh token): its length only. */
  readonly opaqueLength?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The header and claims of a compact JWS, or undefined when `token` is not one. */
export function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] === undefined || parts[1] === undefined) return undefined;
  const header = decodeSegment(parts[0]);
  const claims = decodeSegment(parts[1]);
  return header === undefined || claims === undefined ? undefined : { header, claims };
}

/** The kids the emulator publishes, current first. */
export type PublishedKids = readonly string[];

function keyStatus(header: Record<string, unknown>, kids: PublishedKids): TokenView['key'] {
  if (header['alg'] === 'HS256') return 'app secret (HS256)';
  const kid = header['kid'];
  if (typeof kid !== 'string') return undefined;
  if (kid === kids[0]) return 'current';
  return kids.includes(kid) ? 'previous' : 'unpublished';
}

/** What the request log keeps in place of a token or secret. */
const REDACTED = '[redacted]';

function present(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value !== REDACTED;
}

/** Decodes one token found in an exchange; a value that is no JWT becomes an opaque token (length only). */
export function viewToken(source: string, kind: TokenView['kind'], token: string, kids: PublishedKids): TokenView {
  const decoded = decodeJwt(token);
  if (decoded === undefined) return { source, kind, opaqueLength: token.length };
  const { header, claims } = decoded;
  const key = keyStatus(header, kids);
  return {
    source,
    kind,
    ...(typeof header['alg'] === 'string' ? { alg: header['alg'] } : {}),
    ...(typeof header['kid'] === 'string' ? { kid: header['kid'] } : {}),
    ...(key === undefined ? {} : { key }),
    claims,
  };
}

const TOKEN_FIELDS = ['id_token', 'access_token', 'refresh_token'] as const;

/** Every token in an exchange: the answer's `data.*` or flat `*_token`, and the request's `token` or bearer. */
export function tokensOf(requestBody: unknown, authorization: string | undefined, answer: unknown, kids: PublishedKids): TokenView[] {
  const views: TokenView[] = [];
  const data = isRecord(answer) && isRecord(answer['data']) ? answer['data'] : isRecord(answer) ? answer : undefined;
  const prefix = isRecord(answer) && isRecord(answer['data']) ? 'answer data.' : 'answer ';
  for (const field of TOKEN_FIELDS) {
    const value = data?.[field];
    if (present(value)) views.push(viewToken(`${prefix}${field}`, field, value, kids));
  }
  if (isRecord(requestBody)) {
    for (const field of ['token', 'refresh_token', 'access_token'] as const) {
      const value = requestBody[field];
      if (present(value)) views.push(viewToken(`request ${field}`, field === 'token' ? 'token' : field, value, kids));
    }
  }
  const bearer = authorization === undefined ? undefined : /^bearer[ \t]+(\S+)/i.exec(authorization)?.[1];
  if (present(bearer)) views.push(viewToken('request bearer', 'access_token', bearer, kids));
  return views;
}
