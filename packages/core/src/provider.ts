import type { z } from 'zod';

/** What a provider package declares: how to read its credential and how to send it to GenAuth. */
export interface ProviderDefinition<Schema extends z.ZodObject = z.ZodObject> {
  /** The `connection` value GenAuth expects, e.g. `wechat_mini_program_code`. */
  readonly connection: string;
  /** The body key carrying the payload, e.g. `wechatMiniProgramCodePayload`. */
  readonly payloadKey: string;
  /** Validates the fields read from the request; its keys are the request (and payload) field names. */
  readonly credentials: Schema;
  /** A request body a mobile app would send: used by docs and by the conformance suite. */
  readonly example: z.input<Schema>;
  /** Human name of the provider for messages and docs, e.g. `WeChat mini program (code)`. */
  readonly title?: string;
  /** The single token field that may also arrive as `Authorization: Bearer <value>`. */
  readonly bearerField?: keyof z.output<Schema> & string;
  /** Builds the GenAuth payload from validated credentials (default: the credentials, absent fields dropped). */
  readonly toPayload?: (credentials: z.output<Schema>) => Record<string, unknown>;
}

/** A provider ready for `defineStrategy`: its definition plus what is derived from it once. */
export interface Provider<Schema extends z.ZodObject = z.ZodObject> extends ProviderDefinition<Schema> {
  /** Default strategy name: `genauth-` + the connection with `_` turned into `-`. */
  readonly strategyName: string;
  /** The request fields read for this provider, in schema order. */
  readonly fields: ReadonlyArray<keyof z.output<Schema> & string>;
  /** Builds the GenAuth payload. */
  readonly buildPayload: (credentials: z.output<Schema>) => Record<string, unknown>;
}

/** Names of the request fields a provider reads. */
export type ProviderField<P> = P extends Provider<infer Schema> ? keyof z.output<Schema> & string : never;

/** The default strategy name for a connection: `genauth-wechat-mini-program-code`. */
export function strategyNameFor(connection: string): string {
  return `genauth-${connection.replace(/_/g, '-')}`;
}

/** Declares a provider: a connection, its payload key and its credential schema, plus optional hooks. */
export function defineProvider<Schema extends z.ZodObject>(definition: ProviderDefinition<Schema>): Provider<Schema> {
  if (!/^[a-z][a-z0-9_]*$/.test(definition.connection)) {
    throw new TypeError(`defineProvider: connection must be lower_snake_case, got ${JSON.stringify(definition.connection)}`);
  }
  const fields = Object.keys(definition.credentials.shape) as Array<keyof z.output<Schema> & string>;
  if (definition.bearerField !== undefined && !fields.includes(definition.bearerField)) {
    throw new TypeError(`defineProvider(${definition.connection}): bearerField '${definition.bearerField}' is not a credential field`);
  }
  return Object.freeze({
    ...definition,
    strategyName: strategyNameFor(definition.connection),
    fields: Object.freeze(fields),
    buildPayload: definition.toPayload ?? dropUndefined,
  });
}

function dropUndefined(credentials: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const key of Object.keys(credentials)) {
    if (credentials[key] !== undefined) payload[key] = credentials[key];
  }
  return payload;
}
