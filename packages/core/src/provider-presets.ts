import { z } from 'zod';
import { miniProgramLogin, requiredString } from './credential-fields';
import { defineProvider, type Provider } from './provider';

/** What a preset needs: the connection, its payload key and a human title. */
export interface PresetDefinition<Example> {
  readonly connection: string;
  readonly payloadKey: string;
  readonly title: string;
  /** An example request body (a placeholder is used when omitted). */
  readonly example?: Example;
}

const codeSchema = () => z.object({ code: requiredString() });
const accessTokenSchema = () => z.object({ access_token: requiredString() });

/** The provider shape most connections share: one one-time authorization `code` from the provider's mobile SDK. */
export function authorizationCodeProvider(
  definition: PresetDefinition<{ code: string }>,
): Provider<ReturnType<typeof codeSchema>> {
  return defineProvider({
    ...definition,
    credentials: codeSchema(),
    example: definition.example ?? { code: `${definition.connection}-authorization-code` },
  });
}

/**
 * The token-style shape (Facebook, QQ, Weibo, Amazon): the provider's user `access_token`, also
 * accepted as `Authorization: Bearer <access_token>`.
 */
export function accessTokenProvider(
  definition: PresetDefinition<{ access_token: string }>,
): Provider<ReturnType<typeof accessTokenSchema>> {
  return defineProvider({
    ...definition,
    credentials: accessTokenSchema(),
    bearerField: 'access_token',
    example: definition.example ?? { access_token: `${definition.connection}-user-access-token` },
  });
}

/**
 * A mini-program login (WeChat `wx.login`, Douyin `tt.login`): the `code`, optionally with the
 * encrypted user data and its IV, which come together or not at all.
 */
export function miniProgramCodeProvider(
  definition: PresetDefinition<{ code: string; encryptedData?: string; iv?: string }>,
): Provider<ReturnType<typeof miniProgramLogin>> {
  return defineProvider({
    ...definition,
    credentials: miniProgramLogin(),
    example: definition.example ?? { code: `${definition.connection}-login-code` },
  });
}
