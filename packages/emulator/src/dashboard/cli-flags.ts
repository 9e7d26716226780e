import type { EmulatorOptions } from '../config';
import { isLoopbackHost } from './guard';

/** The dashboard's command-line flags, in `node:util` `parseArgs` form. */
export const DASHBOARD_FLAGS = {
  dashboard: { type: 'boolean' },
  'no-dashboard': { type: 'boolean' },
  'backend-url': { type: 'string' },
  'allow-remote-control': { type: 'boolean' },
} as const;

/** The usage lines of those flags. */
export const DASHBOARD_USAGE = `  --no-dashboard                do not serve the dashboard page (on by default on a loopback host)
  --backend-url <url>           the mobile backend's login URL the dashboard sends credentials to
  --allow-remote-control        serve the dashboard and control endpoints on a non-loopback --host`;

/** What `parseArgs` read of the dashboard flags. */
export interface DashboardFlagValues {
  readonly dashboard?: boolean;
  readonly 'no-dashboard'?: boolean;
  readonly 'backend-url'?: string;
  readonly 'allow-remote-control'?: boolean;
}

/**
 * Applies the dashboard flags to the CLI's options. The command line serves the dashboard unless told
 * not to, but only on a loopback host: on another host it stays off unless both `--dashboard` (or a
 * `--backend-url`) and `--allow-remote-control` say so. A `--config` file's `dashboard` is the default.
 */
export function applyDashboardFlags(values: DashboardFlagValues, options: EmulatorOptions): void {
  if (values['allow-remote-control'] === true) options.allowRemoteControl = true;
  const backendUrl = values['backend-url'];
  const asked = values.dashboard === true || backendUrl !== undefined;
  if (values['no-dashboard'] === true) {
    if (asked) throw new Error('--no-dashboard cannot go with --dashboard or --backend-url');
    options.dashboard = false;
    return;
  }
  if (asked) {
    const configured = typeof options.dashboard === 'object' ? options.dashboard : {};
    options.dashboard = backendUrl === undefined ? { ...configured } : { ...configured, backendUrl };
    return;
  }
  if (options.dashboard === undefined) {
    options.dashboard = isLoopbackHost(options.host ?? '127.0.0.1') || options.allowRemoteControl === true;
  }
}
