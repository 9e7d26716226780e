import type { RawBody } from '../http-io';
import { oauthError, type OAuthError } from './oauth-response';

/** The parameters of a form body; an empty value counts as absent. */
export interface FormParams {
  /** The value of a parameter sent once and not empty. */
  get(name: string): string | undefined;
  /** Every parameter as sent (for the request log, before redaction). */
  readonly raw: URLSearchParams;
}

const FORM_TYPE = /^application\/x-www-form-urlencoded[ \t]*(;|$)/i;

/**
 * Parses an `application/x-www-form-urlencoded` body. An empty body without a content type is an empty
 * form; any other content type, a body over the size limit, or one of `checked` sent twice is 400
 * `invalid_request`.
 */
export function parseForm(contentType: string | undefined, raw: RawBody, checked: readonly string[]): FormParams | OAuthError {
  if (raw.bytes === undefined) return oauthError(400, 'invalid_request', 'request body is too large');
  const type = contentType?.trim() ?? '';
  if (type === '' && raw.size === 0) return toParams(new URLSearchParams());
  if (!FORM_TYPE.test(type)) {
    return oauthError(400, 'invalid_request', 'only application/x-www-form-urlencoded content-type bodies are supported');
  }
  return paramsOf(new URLSearchParams(raw.bytes.toString('utf8')), checked);
}

/** Checks parsed parameters (a query string too) for duplicates among `checked`. */
export function paramsOf(search: URLSearchParams, checked: readonly string[]): FormParams | OAuthError {
  for (const name of checked) {
    if (search.getAll(name).length > 1) return oauthError(400, 'invalid_request', `'${name}' parameter must not be provided twice`);
  }
  return toParams(search);
}

function toParams(search: URLSearchParams): FormParams {
  return {
    get: (name) => {
      const value = search.get(name);
      return value === null || value === '' ? undefined : value;
    },
    raw: search,
  };
}
