import type { IncomingHttpHeaders } from 'node:http';
import { parseBasic } from '../client-auth';

/** What replaces an app secret wherever one would appear: shown neither masked nor revealed. */
export const HIDDEN_SECRET = '[app secret hidden]';

/** Request fields that carry no credential: shown as they are. Everything else in a request is masked. */
const PUBLIC_REQUEST_KEYS = new Set(['connection', 'extIdpConnidentifier', 'client_id', 'grant_type', 'token_type_hint', 'scope', 'options', 'isSnsCode']);
/** Fields that hold an app secret: never shown, not even revealed. */
const SECRET_KEYS = new Set(['client_secret', 'appSecret', 'secret', 'password']);
/** Answer fields that carry a credential (tokens, codes); the rest of an answer is shown as it is. */
const CREDENTIAL_KEY = /token|code|secret|ticket|encrypted|^iv$|password|credential/i;

/** How values are shown: credentials masked unless `reveal`; app secrets never. */
export interface MaskPolicy {
  readonly reveal: boolean;
  /** Every configured app secret: removed from any text they appear in. */
  readonly secrets: readonly string[];
}

/** `em_Q…(27 chars)`: enough to tell two credentials apart, not enough to use one. */
export function maskValue(value: string): string {
  return value.length <= 8 ? '••••' : `${value.slice(0, 4)}…(${value.length} chars)`;
}

/** Removes every app secret from `text`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret !== '' && out.includes(secret)) out = out.split(secret).join(HIDDEN_SECRET);
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the request log itself keeps in place of a token or secret: shown as it is. */
const REDACTED = '[redacted]';

function walk(value: unknown, policy: MaskPolicy, masked: boolean): unknown {
  if (value === REDACTED) return value;
  if (typeof value === 'string') return masked && !policy.reveal ? maskValue(value) : scrubSecrets(value, policy.secrets);
  if (Array.isArray(value)) return value.map((item) => walk(item, policy, masked));
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walkField(key, item, policy, masked)]));
}

function walkField(key: string, value: unknown, policy: MaskPolicy, masked: boolean): unknown {
  if (SECRET_KEYS.has(key) && typeof value === 'string') return HIDDEN_SECRET;
  return walk(value, policy, masked);
}

/** A request body for display: every value masked except the public fields (connection, client_id, options…). */
export function maskRequestBody(body: unknown, policy: MaskPolicy): unknown {
  if (typeof body === 'string') return policy.reveal ? scrubSecrets(body, policy.secrets) : maskValue(body);
  if (!isRecord(body)) return walk(body, policy, true);
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, walkField(key, value, policy, !PUBLIC_REQUEST_KEYS.has(key))]));
}

/** An answer body for display: tokens and codes masked, the rest as it is. */
export function maskAnswerBody(body: unknown, policy: MaskPolicy): unknown {
  if (typeof body === 'string') return scrubSecrets(body, policy.secrets);
  if (Array.isArray(body)) return body.map((item) => maskAnswerBody(item, policy));
  if (!isRecord(body)) return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => {
      if (SECRET_KEYS.has(key) && typeof value === 'string') return [key, HIDDEN_SECRET];
      if (CREDENTIAL_KEY.test(key) && typeof value === 'string') return [key, walk(value, policy, true)];
      return [key, maskAnswerBody(value, policy)];
    }),
  );
}

function maskAuthorization(value: string, policy: MaskPolicy): string {
  const basic = parseBasic(value);
  // The base64 of a Basic header is the app secret in disguise: only the client id is ever shown.
  if (basic !== undefined) return `Basic ${scrubSecrets(basic.id, policy.secrets)}:${HIDDEN_SECRET} (decoded)`;
  if (/^basic\s/i.test(value)) return `Basic ${HIDDEN_SECRET}`;
  const bearer = /^bearer[ \t]+(.*)$/i.exec(value);
  if (bearer?.[1] === REDACTED) return value;
  if (bearer?.[1] !== undefined) return `Bearer ${policy.reveal ? scrubSecrets(bearer[1], policy.secrets) : maskValue(bearer[1])}`;
  return policy.reveal ? scrubSecrets(value, policy.secrets) : maskValue(value);
}

const CREDENTIAL_HEADERS = new Set(['cookie', 'proxy-authorization', 'x-authing-app-secret', 'x-genauth-app-secret']);

/** Request headers for display, in the order received: authorization and cookies masked, app secrets never shown. */
export function maskHeaders(headers: IncomingHttpHeaders, policy: MaskPolicy): [string, string][] {
  return Object.entries(headers).flatMap(([name, value]): [string, string][] => {
    if (value === undefined) return [];
    const values = Array.isArray(value) ? value : [value];
    return values.map((one): [string, string] => {
      if (name === 'authorization') return [name, maskAuthorization(one, policy)];
      if (CREDENTIAL_HEADERS.has(name)) return [name, policy.reveal ? scrubSecrets(one, policy.secrets) : maskValue(one)];
      return [name, scrubSecrets(one, policy.secrets)];
    });
  });
}
