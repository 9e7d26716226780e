import { channels } from '../../src';

/** One published event, with the message object as published (the same object across one operation's events). */
export interface RecordedEvent {
  readonly channel: 'authenticate' | 'exchange' | 'idToken' | 'jwksFetch';
  readonly event: 'start' | 'end' | 'asyncStart' | 'asyncEnd' | 'error' | 'publish';
  readonly message: Record<string, unknown>;
  /** The message serialised at the moment it was published. */
  readonly json: string;
}

const TRACING = ['authenticate', 'exchange', 'idToken'] as const;
const EVENTS = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'] as const;

/** Subscribes to every event of every passport-genauth channel; `stop()` unsubscribes. */
export function recordChannels(): { readonly events: RecordedEvent[]; of(channel: RecordedEvent['channel']): RecordedEvent[]; clear(): void; stop(): void } {
  const events: RecordedEvent[] = [];
  const undo: Array<() => void> = [];
  for (const channel of TRACING) {
    for (const event of EVENTS) {
      const handler = (message: unknown) => {
        events.push({ channel, event, message: message as Record<string, unknown>, json: JSON.stringify(message) });
      };
      channels[channel][event].subscribe(handler);
      undo.push(() => channels[channel][event].unsubscribe(handler));
    }
  }
  const onJwks = (message: unknown) => {
    events.push({ channel: 'jwksFetch', event: 'publish', message: message as Record<string, unknown>, json: JSON.stringify(message) });
  };
  channels.jwksFetch.subscribe(onJwks);
  undo.push(() => channels.jwksFetch.unsubscribe(onJwks));
  return {
    events,
    of: (channel) => events.filter((event) => event.channel === channel),
    clear: () => void events.splice(0),
    stop: () => undo.forEach((fn) => fn()),
  };
}

/**
 * A fresh recorder for each test of the calling `describe`, and a `process.emitWarning` spy that fails
 * the test if observation code warned (broken observation code warns instead of reaching the login).
 * A test that expects a warning takes it from `warnings` and clears it.
 */
export function recordChannelsPerTest(): {
  readonly events: RecordedEvent[];
  of(channel: RecordedEvent['channel']): RecordedEvent[];
  clear(): void;
  readonly warnings: jest.SpyInstance;
} {
  let recorder: ReturnType<typeof recordChannels> | undefined;
  let warnings: jest.SpyInstance | undefined;
  beforeEach(() => {
    warnings = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    recorder = recordChannels();
  });
  afterEach(() => {
    recorder?.stop();
    expect(warnings).not.toHaveBeenCalled();
    warnings?.mockRestore();
  });
  return {
    get events() {
      return recorder!.events;
    },
    of: (channel) => recorder!.of(channel),
    clear: () => recorder!.clear(),
    get warnings() {
      return warnings!;
    },
  };
}
