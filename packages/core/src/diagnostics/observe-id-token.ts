import { parseJwt } from '../jwt';
import { channels, isObserved } from './channels';
import { originOf } from './client-facts';
import { completionOfError, type Completion } from './completion';
import type { IdTokenMessage } from './messages';
import { activeOtel, startSpan } from './otel';
import { errorStatus, idTokenEndAttributes, idTokenStartAttributes } from './otel-attributes';
import { attempt, traceOperation } from './trace-operation';

/** What an id_token message starts with. */
export type IdTokenStart = Pick<IdTokenMessage, 'appId' | 'serverAddress' | 'verified'>;

/** The token's `alg`, bounded: the two GenAuth signs with, else `other`. */
function algOf(idToken: string): IdTokenMessage['alg'] {
  try {
    const alg = parseJwt(idToken).header.alg;
    return alg === 'HS256' || alg === 'RS256' ? alg : 'other';
  } catch {
    return 'other';
  }
}

/** One id_token check, observed when anyone listens (`passport-genauth:id-token`, a `genauth.id_token.verify` span). */
export function observeIdToken<T>(idToken: string, start: () => IdTokenStart, run: () => Promise<T>): Promise<T> {
  const channel = isObserved(channels.idToken) ? channels.idToken : undefined;
  if (channel === undefined && activeOtel() === undefined) return run();
  const message = attempt((): IdTokenMessage => ({ ...start(), alg: algOf(idToken) }));
  if (message === undefined) return run();
  const span = attempt(() => startSpan('genauth.id_token.verify', idTokenStartAttributes(message)));
  return traceOperation(
    { channel, message, span },
    run,
    (settled, durationMs) => {
      if (settled.ok) return { completion: { result: 'success', durationMs }, publishError: false };
      const completion: Completion = { ...completionOfError(settled.error), durationMs };
      return { completion, publishError: true, error: settled.error };
    },
    (completion) => span?.end(idTokenEndAttributes(completion), errorStatus(completion)),
  );
}

/** The start of an id_token message from a verifier's settings. */
export function idTokenStart(options: { readonly audience: string; readonly issuer: string; readonly verify: boolean }): IdTokenStart {
  return { appId: options.audience, serverAddress: originOf(options.issuer) ?? options.issuer, verified: options.verify };
}
