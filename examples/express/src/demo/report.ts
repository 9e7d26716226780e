/** Readable lines about what the backend answered. Tokens are shortened; the id_token is decoded, not printed. */

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The claims of a JWT, decoded without verification (the backend already verified it). */
export function decodeJwtClaims(jwt: string): Json {
  const payload = jwt.split('.')[1];
  if (payload === undefined) return {};
  const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return isObject(claims) ? claims : {};
}

/** `eyJhbGciOi…(812 chars)`: enough to recognise a token, not enough to use it. */
export function shorten(token: string): string {
  return token.length <= 12 ? token : `${token.slice(0, 10)}…(${token.length} chars)`;
}

/** A request body as JSON, long strings shortened. */
export function preview(body: unknown): string {
  return JSON.stringify(body, (_key, value: unknown) => (typeof value === 'string' && value.length > 16 ? `${value.slice(0, 12)}…` : value));
}

function humanDuration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} days`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} hours`;
  return `${seconds} s`;
}

const SHOWN_CLAIMS = ['sub', 'iss', 'aud', 'name', 'email', 'email_verified', 'phone_number', 'iat', 'exp'];

function claimLine(claims: Json): string {
  return SHOWN_CLAIMS.filter((name) => claims[name] !== undefined)
    .map((name) => {
      const value = claims[name];
      if ((name === 'iat' || name === 'exp') && typeof value === 'number') return `${name}=${new Date(value * 1000).toISOString()}`;
      return `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
    })
    .join('  ');
}

/** Lines describing a successful login answer `{ user, tokens }`. */
export function describeLogin(body: unknown): string[] {
  if (!isObject(body) || !isObject(body.user) || !isObject(body.tokens)) return [`unexpected answer: ${JSON.stringify(body)}`];
  const { user, tokens } = body;
  const lines = [
    `user        ${Object.entries(user)
      .filter(([key]) => key !== 'picture')
      .map(([key, value]) => `${key}=${String(value)}`)
      .join('  ')}`,
  ];
  if (typeof tokens.idToken === 'string') lines.push(`id_token    ${claimLine(decodeJwtClaims(tokens.idToken))}`);
  const expiresIn = typeof tokens.expiresIn === 'number' ? tokens.expiresIn : undefined;
  const expiresAt = typeof tokens.expiresAt === 'number' ? new Date(tokens.expiresAt * 1000).toISOString() : 'unknown';
  lines.push(
    `tokens      ${String(tokens.tokenType)} access token ${shorten(String(tokens.accessToken))}, ` +
      `${typeof tokens.refreshToken === 'string' ? 'a refresh token, ' : ''}scope "${typeof tokens.scope === 'string' ? tokens.scope : ''}"`,
    `expiry      expires in ${expiresIn === undefined ? '?' : humanDuration(expiresIn)}, at ${expiresAt}`,
  );
  return lines;
}

/** Lines describing an API answer `{ user, claims }`: who the access token is for and what it grants. */
export function describeApiAnswer(body: unknown): string[] {
  if (!isObject(body) || !isObject(body.user) || !isObject(body.claims)) return [`unexpected answer: ${JSON.stringify(body)}`];
  const { user, claims } = body;
  const exp = typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : 'unknown';
  return [
    `user        ${Object.entries(user)
      .filter(([key]) => key !== 'picture')
      .map(([key, value]) => `${key}=${String(value)}`)
      .join('  ')}`,
    `access      sub=${String(claims.sub)}  jti=${String(claims.jti)}  scope "${String(claims.scope)}"  expires at ${exp}`,
  ];
}

/** Lines describing a failure answer `{ message, code, status, apiCode?, requestId? }`. */
export function describeFailure(body: unknown): string[] {
  if (!isObject(body)) return [`unexpected answer: ${JSON.stringify(body)}`];
  const lines = [`error       ${String(body.code)}: ${String(body.message)}`];
  const ids = [
    typeof body.apiCode === 'number' ? `apiCode=${body.apiCode}` : '',
    typeof body.requestId === 'string' ? `requestId=${body.requestId}` : '',
  ].filter(Boolean);
  if (ids.length > 0) lines.push(`genauth     ${ids.join('  ')}`);
  return lines;
}
