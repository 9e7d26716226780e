import { isLoopbackHost } from './guard';

/** Options of the dashboard page served at `/`. */
export interface DashboardOptions {
  /**
   * The mobile backend's login URL the page sends minted credentials to and writes `curl` lines for,
   * e.g. `http://127.0.0.1:3000/auth/mobile`; `{connection}` in it is replaced by the connection.
   */
  backendUrl?: string;
}

/** The dashboard and remote-access options after validation. */
export interface ResolvedDashboardOptions {
  /** The dashboard's settings, or undefined when it is off. */
  readonly dashboard: { readonly backendUrl: string | undefined } | undefined;
  readonly allowRemoteControl: boolean;
}

function checkBackendUrl(value: unknown, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    problems.push('dashboard.backendUrl must be an absolute http(s) URL');
    return undefined;
  }
  return value as string;
}

/**
 * Reads `dashboard` and `allowRemoteControl`. The dashboard and the control endpoints can drive the
 * emulator (arm faults, revoke tokens, read every request), so on a host other machines can reach
 * they need `allowRemoteControl: true` said out loud.
 */
export function resolveDashboardOptions(input: Readonly<Record<string, unknown>>, host: unknown, problems: string[]): ResolvedDashboardOptions {
  const raw = input['dashboard'];
  let dashboard: ResolvedDashboardOptions['dashboard'];
  if (raw === true) dashboard = { backendUrl: undefined };
  else if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const fields = raw as Record<string, unknown>;
    for (const key of Object.keys(fields)) if (key !== 'backendUrl') problems.push(`dashboard.${key} is not a known option`);
    dashboard = { backendUrl: checkBackendUrl(fields['backendUrl'], problems) };
  } else if (raw !== undefined && raw !== false) problems.push('dashboard must be a boolean or { backendUrl }');

  const allowRemote = input['allowRemoteControl'];
  if (allowRemote !== undefined && typeof allowRemote !== 'boolean') problems.push('allowRemoteControl must be a boolean');
  const remote = typeof host === 'string' && host !== '' && !isLoopbackHost(host);
  if (remote && allowRemote !== true) {
    const served = [dashboard === undefined ? '' : 'dashboard', input['control'] === true ? 'control' : ''].filter(Boolean).join(' and ');
    if (served !== '') {
      problems.push(`${served} would be reachable from other machines on host ${host}: use a loopback host, or set allowRemoteControl: true`);
    }
  }
  return { dashboard, allowRemoteControl: allowRemote === true };
}
