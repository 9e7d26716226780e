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

/** A provider shape shared by several connections: one schema, a placeholder example, fixed hooks. */
function preset<Schema extends z.ZodObject>(
  schema: () => Schema,
  placeholder: (connection: string) => z.input<Schema>,
  bearerField?: keyof z.output<Schema> & string,
) {
  return (definition: PresetDefinition<z.input<Schema>>): Provider<Schema> =>
    defineProvider({
      ...definition,
      credentials: schema(),
      example: definition.example ?? placeholder(definition.connection),
      ...(bearerField ? { bearerField } : {}),
    });
}

/** The provider shape most connections share: one one-time authorization `code` from the provider's mobile SDK. */
export const authorizationCodeProvider = preset(
  () => z.object({ code: requiredString() }),
  (connection) => ({ code: `${connection}-authorization-code` }),
);

/**
 * The token-style shape (Facebook, QQ, Weibo, Amazon): the provider's user `access_token`, also
 * accepted as `Authorization: Bearer <access_token>`.
 */
export const accessTokenProvider = preset(
  () => z.object({ access_token: requiredString() }),
  (connection) => ({ access_token: `${connection}-user-access-token` }),
  'access_token',
);

/**
 * A mini-program login (WeChat `wx.login`, Douyin `tt.login`): the `code`, optionally with the
 * encrypted user data and its IV, which come together or not at all.
 */
export const miniProgramCodeProvider = preset(miniProgramLogin, (connection) => ({ code: `${connection}-login-code` }));
