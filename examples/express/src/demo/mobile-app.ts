/** The mobile app's side of the demo: get a credential from the (simulated) provider, post it to the backend, then call the API. */

/** A JSON answer. */
export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
  /** The `WWW-Authenticate` header, when the backend sent one. */
  readonly wwwAuthenticate?: string | undefined;
}

const TIMEOUT_MS = 10_000;

/** One call of the mobile app to a server. */
export interface AppRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as `Authorization: Bearer`. */
  readonly accessToken?: string;
  /** Which of the company's apps calls, sent as `x-client-app` (the backend's GenAuth application). */
  readonly app?: string;
}

async function call(url: string, { method, body, accessToken, app }: Omit<AppRequest, 'path'>): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(accessToken !== undefined ? { authorization: `Bearer ${accessToken}` } : {}),
      ...(app !== undefined ? { 'x-client-app': app } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed, wwwAuthenticate: response.headers.get('www-authenticate') ?? undefined };
}

function postJson(url: string, body: unknown): Promise<JsonAnswer> {
  return call(url, { method: 'POST', body });
}

/** The provider user a credential is minted for. */
export interface DemoIdentity {
  readonly user: string;
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
}

/**
 * What a provider SDK would hand the mobile app: the emulator's provider simulator mints fresh
 * one-time credential fields for `connection` over HTTP (`POST /__emulator/credentials`).
 */
export async function mintCredential(emulatorUrl: string, connection: string, identity: DemoIdentity): Promise<Record<string, unknown>> {
  const answer = await postJson(`${emulatorUrl}/__emulator/credentials`, { connection, ...identity });
  if (answer.status !== 200 || typeof answer.body !== 'object' || answer.body === null) {
    throw new Error(`The emulator did not mint a ${connection} credential: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body as Record<string, unknown>;
}

/** Calls the backend as the mobile app does: JSON body, the access token as `Authorization: Bearer`. */
export function callBackend(appUrl: string, request: AppRequest): Promise<JsonAnswer> {
  return call(`${appUrl}${request.path}`, request);
}
