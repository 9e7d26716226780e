import { ConfigurationError } from './errors';
import { isGenAuthApps, type GenAuthApps } from './genauth-apps';
import type { GenAuthRequest } from './request';

/** The client a request is served by, and the alias of its application when several are registered. */
export interface ClientChoice<C> {
  readonly client: C;
  readonly app: string | undefined;
}

/** How a strategy finds its client for a request (`pinned`: the route's `authenticate(name, { app })`). */
export type ClientSource<C> = (req: GenAuthRequest, pinned: unknown) => ClientChoice<C> | Promise<ClientChoice<C>>;

/**
 * One client for every request, or the registry's choice per request. The single-client path stays
 * synchronous, so it adds nothing to a login but a function call.
 */
export function clientSourceOf<C>(given: C | GenAuthApps): ClientSource<C> {
  if (isGenAuthApps(given)) {
    return async (req, pinned) => {
      const { alias, client } = await given.choose(req, pinned);
      return { client: client as unknown as C, app: alias };
    };
  }
  const single: ClientChoice<C> = Object.freeze({ client: given, app: undefined });
  return (_req, pinned) => {
    if (pinned !== undefined) {
      throw new ConfigurationError(`authenticate option app (${JSON.stringify(pinned)}) needs the strategy's client to be a GenAuthApps registry`);
    }
    return single;
  };
}
