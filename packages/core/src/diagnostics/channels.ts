import diagnosticsChannel, { type Channel, type TracingChannel } from 'node:diagnostics_channel';
import type { AuthenticateMessage, ExchangeMessage, IdTokenMessage, JwksFetchMessage } from './messages';

/** The names passport-genauth publishes under (Node prefixes tracing channels: `tracing:<name>:start`, …). */
export const channelNames = Object.freeze({
  authenticate: 'passport-genauth:authenticate',
  exchange: 'passport-genauth:exchange',
  idToken: 'passport-genauth:id-token',
  jwksFetch: 'passport-genauth:jwks:fetch',
} as const);

/** passport-genauth's diagnostics channels, typed. Channels are global by name, so every installed copy of core publishes to the same ones. */
export interface GenAuthChannels {
  /** One per login or bearer check: start → end → asyncStart → asyncEnd (error before them for an `error` outcome). */
  readonly authenticate: TracingChannel<unknown, AuthenticateMessage>;
  /** One per call to GenAuth (sign-in, refresh, revoke, introspect, userinfo); `error` when the call threw. */
  readonly exchange: TracingChannel<unknown, ExchangeMessage>;
  /** One per id_token check; `error` when the token was refused or its keys could not be fetched. */
  readonly idToken: TracingChannel<unknown, IdTokenMessage>;
  /** One message per JWKS fetch. */
  readonly jwksFetch: Channel<unknown, JwksFetchMessage>;
}

/**
 * Subscribe to observe passport-genauth without touching app code:
 * `channels.authenticate.subscribe({ asyncEnd(message) { … } })`. A message is built only while
 * someone subscribes, and never carries a credential, token, secret, phone number or email.
 */
export const channels: GenAuthChannels = Object.freeze({
  authenticate: diagnosticsChannel.tracingChannel<unknown, AuthenticateMessage>(channelNames.authenticate),
  exchange: diagnosticsChannel.tracingChannel<unknown, ExchangeMessage>(channelNames.exchange),
  idToken: diagnosticsChannel.tracingChannel<unknown, IdTokenMessage>(channelNames.idToken),
  jwksFetch: diagnosticsChannel.channel(channelNames.jwksFetch) as Channel<unknown, JwksFetchMessage>,
});

/**
 * Whether anyone listens to any event of a tracing channel. Node 20.11–20.12 have no combined
 * `TracingChannel#hasSubscribers`, so each of its five channels is asked.
 */
export function isObserved(channel: TracingChannel<unknown, object>): boolean {
  return (
    channel.start.hasSubscribers ||
    channel.end.hasSubscribers ||
    channel.asyncStart.hasSubscribers ||
    channel.asyncEnd.hasSubscribers ||
    channel.error.hasSubscribers
  );
}
