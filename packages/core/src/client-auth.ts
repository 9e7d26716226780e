import type { TokenEndpointAuthMethod } from './types';

/**
 * Adds the app's client authentication to an outgoing request, in place. One small function per
 * method, chosen once at construction.
 */
export type ClientAuthentication = (body: Record<string, unknown>, headers: Record<string, string>) => void;

/** `none`: public apps add nothing. */
export function none(): ClientAuthentication {
  return () => {};
}

/** `client_secret_post`: `client_id` and `client_secret` in the JSON body. */
export function clientSecretPost(appId: string, appSecret: string): ClientAuthentication {
  return (body) => {
    body.client_id = appId;
    body.client_secret = appSecret;
  };
}

/**
 * `client_secret_basic`: `Authorization: Basic base64(appId:appSecret)`, built from the raw strings as
 * GenAuth documents and its SDKs do (no form-url-encoding first, unlike RFC 6749 §2.3.1).
 */
export function clientSecretBasic(appId: string, appSecret: string): ClientAuthentication {
  const value = `Basic ${Buffer.from(`${appId}:${appSecret}`, 'utf8').toString('base64')}`;
  return (_body, headers) => {
    headers.authorization = value;
  };
}

/** Picks the authentication function for a configured method. */
export function clientAuthentication(method: TokenEndpointAuthMethod, appId: string, appSecret: string | undefined): ClientAuthentication {
  switch (method) {
    case 'none':
      return none();
    case 'client_secret_post':
      return clientSecretPost(appId, requireSecret(method, appSecret));
    case 'client_secret_basic':
      return clientSecretBasic(appId, requireSecret(method, appSecret));
  }
}

function requireSecret(method: TokenEndpointAuthMethod, appSecret: string | undefined): string {
  if (!appSecret) throw new TypeError(`${method} needs an appSecret`);
  return appSecret;
}
