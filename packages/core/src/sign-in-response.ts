import { z } from 'zod';
import { ClientAuthError, HttpError, InvalidResponseError, SignInRejectedError, UpstreamError, type GenAuthError, type GenAuthErrorDetails } from './errors';
import type { RawResponse } from './response-reader';
import type { TokenSet } from './types';

/** A whole number, also as GenAuth's error-code pages print it: a numeric string (`"2005"`). */
const integer = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d{1,12}$/)
    .transform(Number),
]);

/** GenAuth's V3 envelope; error envelopes may omit `data` altogether. */
const envelopeSchema = z.object({
  statusCode: integer,
  message: z.string().nullish(),
  apiCode: integer.nullish(),
  requestId: z.string().nullish(),
  data: z.unknown().optional(),
});

const tokenDataSchema = z
  .object({
    access_token: z.string().min(1),
    id_token: z.string().min(1),
    refresh_token: z.string().min(1).nullish(),
    token_type: z.string().nullish(),
    expire_in: z.number().nonnegative().nullish(),
    expires_in: z.number().nonnegative().nullish(),
    scope: z.string().nullish(),
  })
  .refine((data) => data.expire_in != null || data.expires_in != null, { message: 'expire_in is missing' });

type Envelope = z.infer<typeof envelopeSchema>;

/** apiCodes about the application itself: the operator must act. */
const APPLICATION_API_CODES: ReadonlySet<number> = new Set([2011]);

/** apiCodes about the user: a failed login the app can react to (locked, MFA, binding, …). */
const USER_API_CODES: ReadonlySet<number> = new Set([2004, 2005, 2031, 2120008, 1636, 1639, 1640, 1641]);

/**
 * Reads GenAuth's answer to a sign-in: the token set on success, else the typed error for the
 * failure class (see DESIGN §5 and the contract's apiCode notes).
 */
export function processSignInResponse(response: RawResponse, nowSeconds: number): TokenSet {
  const envelope = parseEnvelope(response);
  if (envelope.statusCode !== 200) throw rejection(envelope, response.text);
  const data = tokenDataSchema.safeParse(envelope.data);
  if (!data.success) {
    throw new InvalidResponseError('GenAuth reported success without a valid token set', {
      ...idsOf(envelope),
      responseBody: response.text,
    });
  }
  const tokens = data.data;
  const expiresIn = tokens.expire_in ?? tokens.expires_in ?? 0;
  return {
    accessToken: tokens.access_token,
    idToken: tokens.id_token,
    ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
    tokenType: 'Bearer',
    expiresIn,
    expiresAt: nowSeconds + expiresIn,
    ...(tokens.scope ? { scope: tokens.scope } : {}),
  };
}

/**
 * Finds the envelope in a response. A body that is not the envelope is an invalid response when the
 * HTTP status was 2xx, and an HTTP failure otherwise (a proxy's or gateway's error page).
 */
function parseEnvelope(response: RawResponse): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    json = undefined;
  }
  const envelope = envelopeSchema.safeParse(json);
  if (envelope.success) return envelope.data;
  if (response.status < 200 || response.status > 299) throw httpStatusFailure(response);
  const what = json === undefined ? 'is not JSON' : 'is not the GenAuth envelope';
  throw new InvalidResponseError(`GenAuth's response ${what}`, { responseBody: response.text });
}

function httpStatusFailure(response: RawResponse): HttpError {
  const status = response.status === 503 || response.status === 504 ? response.status : 502;
  return new HttpError(`GenAuth answered HTTP ${response.status} without its envelope`, 'status', {
    status,
    responseBody: response.text,
  });
}

function rejection(envelope: Envelope, body: string): GenAuthError {
  const details: GenAuthErrorDetails = { ...idsOf(envelope), genauthStatusCode: envelope.statusCode, responseBody: body };
  const said = envelope.message?.trim() || `statusCode ${envelope.statusCode}`;
  const apiCode = envelope.apiCode ?? undefined;
  if (apiCode !== undefined && USER_API_CODES.has(apiCode)) return new SignInRejectedError(said, details);
  if ((apiCode !== undefined && APPLICATION_API_CODES.has(apiCode)) || envelope.statusCode === 401 || envelope.statusCode === 404) {
    return new ClientAuthError(
      `GenAuth rejected the application: ${said}. Check appHost, appId, appSecret, tokenEndpointAuthMethod and extIdpConnidentifier.`,
      details,
    );
  }
  if (envelope.statusCode >= 500 && envelope.statusCode <= 599) {
    return new UpstreamError(`GenAuth failed: ${said}`, { ...details, status: envelope.statusCode === 503 ? 503 : 502 });
  }
  return new SignInRejectedError(said, details);
}

function idsOf(envelope: Envelope): GenAuthErrorDetails {
  return {
    ...(envelope.apiCode != null ? { apiCode: envelope.apiCode } : {}),
    ...(envelope.requestId ? { requestId: envelope.requestId } : {}),
  };
}
