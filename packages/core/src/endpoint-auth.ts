import { z } from 'zod';
import { clientSecretBasic } from './client-auth';
import type { TokenEndpointAuthMethod } from './types';

/**
 * Adds the app's client authentication to a form-urlencoded request of GenAuth's `/oidc/*`
 * endpoints, in place: `client_secret_post` → `client_id` and `client_secret` in the form;
 * `client_secret_basic` → `Authorization: Basic` only (no `client_id` in the form); `none` →
 * `client_id` only (token-lifecycle contract §0).
 */
export type FormAuthentication = (form: URLSearchParams, headers: Record<string, string>) => void;

/** Picks the form authentication for the method an endpoint is configured with in the GenAuth console. */
export function formAuthentication(method: TokenEndpointAuthMethod, appId: string, appSecret: string | undefined): FormAuthentication {
  switch (method) {
    case 'none':
      return (form) => form.append('client_id', appId);
    case 'client_secret_post': {
      const secret = requireSecret(method, appSecret);
      return (form) => {
        form.append('client_id', appId);
        form.append('client_secret', secret);
      };
    }
    case 'client_secret_basic': {
      // The same raw-string Basic value as the sign-in (no form-url-encoding first), as GenAuth's SDKs send it.
      const basic = clientSecretBasic(appId, requireSecret(method, appSecret));
      return (_form, headers) => basic({}, headers);
    }
  }
}

function requireSecret(method: TokenEndpointAuthMethod, appSecret: string | undefined): string {
  if (!appSecret) throw new TypeError(`${method} needs an appSecret`);
  return appSecret;
}

const method = z.enum(['none', 'client_secret_post', 'client_secret_basic'], {
  error: "must be 'none', 'client_secret_post' or 'client_secret_basic' (as configured for this endpoint in the GenAuth console)",
});

/** The per-endpoint method options of `GenAuthClientOptions`, as zod schema entries. */
export const endpointAuthMethodOptions = {
  introspectionEndpointAuthMethod: method.optional(),
  revocationEndpointAuthMethod: method.optional(),
};

/** The per-endpoint methods a client was given; both default to the token endpoint's method. */
export interface EndpointAuthMethodInput {
  readonly appSecret?: string | undefined;
  readonly introspectionEndpointAuthMethod?: TokenEndpointAuthMethod | undefined;
  readonly revocationEndpointAuthMethod?: TokenEndpointAuthMethod | undefined;
}

/** Cross-field check for the options schema: a secret method on any endpoint needs `appSecret`. */
export function checkEndpointSecrets(options: EndpointAuthMethodInput, ctx: z.RefinementCtx): void {
  for (const key of ['introspectionEndpointAuthMethod', 'revocationEndpointAuthMethod'] as const) {
    const value = options[key];
    if ((value === 'client_secret_post' || value === 'client_secret_basic') && !options.appSecret) {
      ctx.addIssue({ code: 'custom', path: ['appSecret'], message: `required when ${key} is '${value}' (set appSecret, or use 'none')` });
    }
  }
}
