import type { GenAuthProfile, TokenSet } from '@passport-genauth/core';
import { subjectFor } from '@passport-genauth/emulator';
/** The kit's emulator + demo client (`@passport-genauth/testing`), plus what this suite adds. */
export { demoClient, startGenAuth, type TestGenAuth, closedPortUrl } from '@passport-genauth/testing';

/** The provider user the test app's verify refuses. */
export const REFUSED_USER = 'mallory';

/** What the test app keeps of a user. */
export interface TestUser {
  readonly id: string;
  readonly name: string;
}

/** The test app's verify: everybody but `REFUSED_USER` (through WeChat) is let in. */
export function verify(_tokens: TokenSet, profile: GenAuthProfile): TestUser | false {
  if (profile.id === subjectFor('wechat', REFUSED_USER)) return false;
  return { id: profile.id, name: profile.displayName };
}

/** A POST `Request` to the backend with a JSON body (a string is sent as is). */
export function postJson(body: unknown, init: { url?: string; headers?: Record<string, string> } = {}): Request {
  return new Request(init.url ?? 'http://backend.test/auth/wechat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
