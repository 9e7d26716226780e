/** The kit's emulator + demo client (`@passport-genauth/testing`), plus what this suite adds. */
export { demoClient, startGenAuth, type TestGenAuth, closedPortUrl } from '@passport-genauth/testing';

/** Request init for a JSON POST (a string body is sent as is). */
export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}
