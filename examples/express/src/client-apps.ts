import { GenAuthApps, GenAuthClient, type GenAuthClientOptions } from '@passport-genauth/core';
import { DEMO_APP, type EmulatorApp } from '@passport-genauth/emulator';

/** The request header naming which of the company's apps is calling (`ios`, `android`, `miniapp`). */
export const CLIENT_APP_HEADER = 'x-client-app';

/** The alias of the app requests without the header use. */
export const DEFAULT_APP = 'demo';

/**
 * The company's client apps as separate GenAuth applications, each with the auth method its console
 * configures: the iOS app `client_secret_basic`, the Android app `client_secret_post`, the WeChat mini
 * program `none` (a public client: no secret may ship in a mini program).
 */
export const CLIENT_APPS: Readonly<Record<'ios' | 'android' | 'miniapp', EmulatorApp>> = {
  ios: { appId: 'ios-app', appSecret: 'ios-app-secret', tokenEndpointAuthMethod: 'client_secret_basic' },
  android: { appId: 'android-app', appSecret: 'android-app-secret', tokenEndpointAuthMethod: 'client_secret_post' },
  miniapp: { appId: 'mini-program-app', tokenEndpointAuthMethod: 'none' },
};

/** The emulator applications behind the registry: the demo app and the three client apps. */
export const EMULATOR_APPS: readonly EmulatorApp[] = [DEMO_APP, ...Object.values(CLIENT_APPS)];

function optionsFor(appHost: string, app: EmulatorApp): GenAuthClientOptions {
  return { appHost, appId: app.appId, ...(app.appSecret ? { appSecret: app.appSecret } : {}), tokenEndpointAuthMethod: app.tokenEndpointAuthMethod };
}

/** Which app a request is for: the `x-client-app` header, a hint the registry checks (unknown → 400). */
export function selectClientApp(req: { readonly headers: Readonly<Record<string, string | string[] | undefined>> }): string | undefined {
  const value = req.headers[CLIENT_APP_HEADER];
  return typeof value === 'string' ? value : undefined;
}

/**
 * One registry for the backend, built once at startup: `demo` (the default, `client`) and, against
 * the emulator at `appHost`, the three client apps, each with its own pool, keys and auth method.
 */
export function clientApps(client: GenAuthClient, appHost: string): GenAuthApps {
  return new GenAuthApps({
    apps: {
      [DEFAULT_APP]: client,
      ...Object.fromEntries(Object.entries(CLIENT_APPS).map(([alias, app]) => [alias, optionsFor(appHost, app)])),
    },
    select: selectClientApp,
    default: DEFAULT_APP,
  });
}

/** A registry of the one application configured from the environment: requests naming another app get a 400. */
export function singleApp(client: GenAuthClient): GenAuthApps {
  return new GenAuthApps({ apps: { [DEFAULT_APP]: client }, select: selectClientApp, default: DEFAULT_APP });
}
