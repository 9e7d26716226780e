/** The mobile app's side of the demo: get a credential from the (simulated) provider, post it to the backend. */

/** A JSON answer. */
export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
}

const TIMEOUT_MS = 10_000;

async function postJson(url: string, body: unknown): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
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

/** Posts a login to the backend, as the mobile app does. */
export function signIn(appUrl: string, path: string, body: unknown): Promise<JsonAnswer> {
  return postJson(`${appUrl}${path}`, body);
}
