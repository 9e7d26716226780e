import type { JwksFetchEvent } from '../jwks-cache';
import { channels } from './channels';
import { activeInstruments } from './otel';
import { attempt } from './trace-operation';

/** The `onFetch` of every client's key set: publishes `passport-genauth:jwks:fetch` and counts `genauth.jwks.fetches`. */
export function reportJwksFetch(event: JwksFetchEvent): void {
  attempt(() => {
    if (channels.jwksFetch.hasSubscribers) {
      channels.jwksFetch.publish(Object.freeze({ jwksUri: event.jwksUri, reason: event.reason, durationMs: event.durationMs, ok: event.ok }));
    }
    activeInstruments()?.jwksFetches.add(1, { 'genauth.jwks.reason': event.reason, 'genauth.result': event.ok ? 'success' : 'error' });
  });
}
