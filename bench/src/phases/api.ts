import { API_BEARER, API_FLOOR, API_FRAMEWORK_FLOOR, API_PASSPORT_JWT } from '../backends.js';
import { compareBackends } from '../compare.js';
import { config } from '../config.js';
import { mintAccessTokens } from '../load.js';
import { sideBySide, type SideBySide } from './cpu.js';

/** The API-call ratios issue 11 sets targets for. */
const API_RATIOS = [
  {
    name: 'API call, genauth-bearer ÷ passport-jwt + jwks-rsa (same checks), both behind Express 5 + passport',
    numerator: API_BEARER.key,
    denominator: API_PASSPORT_JWT.key,
    target: 0.8,
  },
  { name: 'API call, genauth-bearer ÷ the bare crypto.verify floor', numerator: API_BEARER.key, denominator: API_FLOOR.key, target: undefined },
  {
    name: 'API call, genauth-bearer ÷ crypto.verify in a do-nothing strategy behind Express 5 + passport',
    numerator: API_BEARER.key,
    denominator: API_FRAMEWORK_FLOOR.key,
    target: undefined,
  },
] as const;

/** Access tokens minted once for the API phases: a client reuses its token for many calls. */
export async function apiTokens(emulatorUrl: string): Promise<string[]> {
  return mintAccessTokens(emulatorUrl, config.api.tokens);
}

/** Phase: CPU µs and V8 heap bytes per API call (`Authorization: Bearer`), ours against passport-jwt and two floors, side by side. */
export async function runApiPhase(emulatorUrl: string, tokens: readonly string[], log: (line: string) => void): Promise<SideBySide> {
  const specs = [API_BEARER, API_PASSPORT_JWT, API_FLOOR, API_FRAMEWORK_FLOOR];
  const { rounds, amount, connections, warmup } = config.api;
  log(
    `phase: per-API-call CPU and allocations, ${rounds} rounds × ${amount} calls per backend, ${connections} connections each, ${tokens.length} tokens in turn`,
  );
  const results = await compareBackends(emulatorUrl, specs, { rounds, amount, connections, warmup, log, tokens });
  return sideBySide(results, specs, API_FLOOR.key, API_RATIOS, { rounds, amount, connections });
}
