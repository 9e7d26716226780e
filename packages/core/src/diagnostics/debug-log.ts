import { debuglog } from 'node:util';
import { channels } from './channels';
import type { AuthenticateMessage } from './messages';

const debug = debuglog('passport-genauth');
let installed = false;

/** `login genauth-wechat app=ios result=fail status=401 code=GENAUTH_SIGNIN_REJECTED apiCode=2005 requestId=… 12ms`. */
export function debugLine(message: AuthenticateMessage): string {
  const parts: string[] = [message.kind, message.strategy];
  if (message.app !== undefined) parts.push(`app=${message.app}`);
  parts.push(`result=${message.result ?? 'unknown'}`);
  if (message.status !== undefined) parts.push(`status=${message.status}`);
  if (message.errorCode !== undefined) parts.push(`code=${message.errorCode}`);
  if (message.apiCode !== undefined) parts.push(`apiCode=${message.apiCode}`);
  if (message.genauthStatusCode !== undefined) parts.push(`statusCode=${message.genauthStatusCode}`);
  if (message.requestId !== undefined) parts.push(`requestId=${message.requestId}`);
  parts.push(`${message.durationMs === undefined ? '?' : Math.round(message.durationMs)}ms`);
  return parts.join(' ');
}

function onEnd(message: AuthenticateMessage): void {
  debug('%s', debugLine(message));
}

/**
 * With `NODE_DEBUG=passport-genauth` (read by Node at startup), one line per login and bearer check on
 * stderr, like undici's own debug output: a subscriber of `passport-genauth:authenticate` like any
 * other, so without the variable nothing subscribes and nothing is built.
 */
export function installDebugLog(): void {
  if (installed || !debug.enabled) return;
  installed = true;
  channels.authenticate.asyncEnd.subscribe(onEnd as (message: unknown) => void);
}
