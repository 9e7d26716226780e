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
