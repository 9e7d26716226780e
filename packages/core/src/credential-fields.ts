import { z } from 'zod';

/** Longest credential string accepted by default: provider codes and tokens are far shorter. */
export const MAX_CREDENTIAL_LENGTH = 4096;

/** Longest encrypted blob (mini-program `encryptedData`) accepted by default. */
export const MAX_ENCRYPTED_LENGTH = 64 * 1024;

function stringError(issue: { input?: unknown }): string {
  return issue.input === undefined ? 'is required' : 'must be a string';
}

/** A required credential string (a code, a token); `''` counts as missing. */
export function requiredString(maxLength: number = MAX_CREDENTIAL_LENGTH) {
  return z.string({ error: stringError }).min(1, 'is required').max(maxLength, `must be at most ${maxLength} characters`);
}

/** An optional credential string; `''` counts as absent (mini-program SDKs send `encryptedData: ""`). */
export function optionalString(maxLength: number = MAX_CREDENTIAL_LENGTH) {
  return z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.string({ error: 'must be a string' }).max(maxLength, `must be at most ${maxLength} characters`).optional(),
  );
}

/** An optional flag; accepts a JSON boolean, or `"true"`/`"false"` from a query string or header. */
export function optionalFlag() {
  return z.preprocess(
    (value) => (value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value),
    z.boolean({ error: 'must be true or false' }).optional(),
  );
}

/** A nested object read from the JSON body (mini-program `wxLoginInfo`, `loginParams` …). */
export function nestedObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an object') });
}

/**
 * A refinement: when any of `fields` is present, all of them must be (`encryptedData` + `iv`).
 * Each missing partner is reported at its own path.
 */
export function presentTogether<T extends Record<string, unknown>>(...fields: ReadonlyArray<keyof T & string>) {
  return (value: T, ctx: z.RefinementCtx): void => {
    const given = fields.filter((field) => value[field] !== undefined);
    if (given.length === 0 || given.length === fields.length) return;
    for (const field of fields) {
      if (value[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `is required when ${given.join(' and ')} is given`, params: { requiredWith: given } });
      }
    }
  };
}

/** A refinement: at least one of `fields` must be present (Baidu's `code` or `access_token`). */
export function atLeastOneOf<T extends Record<string, unknown>>(...fields: ReadonlyArray<keyof T & string>) {
  return (value: T, ctx: z.RefinementCtx): void => {
    if (fields.some((field) => value[field] !== undefined)) return;
    ctx.addIssue({ code: 'custom', path: [], message: `one of ${fields.join(' or ')} is required`, params: { oneOf: fields } });
  };
}

/**
 * A mini-program login (`wx.login`, `tt.login`): `{ code, encryptedData?, iv? }`, where the
 * encrypted user data and its IV come together or not at all. Used top-level and nested.
 */
export function miniProgramLogin() {
  return nestedObject({
    code: requiredString(),
    encryptedData: optionalString(MAX_ENCRYPTED_LENGTH),
    iv: optionalString(),
  }).superRefine(presentTogether('encryptedData', 'iv'));
}
