const printed: unknown[][] = [];
const subscribed: Array<(message: unknown) => void> = [];

jest.mock('node:util', () => {
  const actual = jest.requireActual<typeof import('node:util')>('node:util');
  const debug = Object.assign((...args: unknown[]) => void printed.push(args), { enabled: true });
  return { ...actual, debuglog: () => debug };
});

jest.mock('../src/diagnostics/channels', () => ({
  channels: { authenticate: { asyncEnd: { subscribe: (fn: (message: unknown) => void) => void subscribed.push(fn) } } },
}));

import { installDebugLog } from '../src/diagnostics/debug-log';

describe('with NODE_DEBUG=passport-genauth every finished authenticate prints one line', () => {
  it('subscribes once however often it is installed, and prints the line through %s', () => {
    installDebugLog();
    installDebugLog();
    expect(subscribed).toHaveLength(1);
    const onEnd = subscribed[0] as (message: unknown) => void;
    onEnd({ kind: 'login', strategy: 'genauth-wechat', credentialFields: [], result: 'success', status: 200, durationMs: 5 });
    expect(printed).toEqual([['%s', 'login genauth-wechat result=success status=200 5ms']]);
  });
});
