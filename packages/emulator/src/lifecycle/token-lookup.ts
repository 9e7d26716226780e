import type { AccessTokenRecord, Grant, TokenStore } from './token-store';

/** A presented token the emulator knows and that is still live (a retired refresh token included). */
export type FoundToken =
  | { readonly kind: 'access_token'; readonly record: AccessTokenRecord; readonly grant: Grant }
  | { readonly kind: 'refresh_token'; readonly grant: Grant; readonly retired: boolean };

/**
 * Finds a presented token among the live access tokens and refresh tokens. `token_type_hint` only
 * changes the order of the lookups, as RFC 7009 and 7662 allow.
 */
export function findToken(store: TokenStore, token: string, hint: string | undefined, now: number): FoundToken | undefined {
  const access = (): FoundToken | undefined => {
    const record = store.findAccessToken(token, now);
    return record === undefined ? undefined : { kind: 'access_token', record, grant: record.grant };
  };
  const refresh = (): FoundToken | undefined => {
    const found = store.findRefreshToken(token, now);
    return found === undefined ? undefined : { kind: 'refresh_token', grant: found.grant, retired: found.retired };
  };
  return hint === 'refresh_token' ? (refresh() ?? access()) : (access() ?? refresh());
}
