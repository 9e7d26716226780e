import type { EmulatorContext } from '../context';
import type { RequestLogEntry } from '../request-log';
import { exchangeDetail, type ExchangeDetail } from './detail';
import { EventStream } from './event-stream';
import { ExchangeBook } from './exchanges';
import { UserGrants } from './grants';
import { Observer } from './observer';
import { armedFaults, keyViews, staticState, totals } from './state';
import { UserDirectory, type UserView } from './users';

/** How many exchanges a page gets when it connects. */
const SNAPSHOT_EXCHANGES = 200;

/** The dashboard's state: what it has seen, and the open pages it tells about changes. */
export class DashboardRuntime {
  readonly context: EmulatorContext;
  readonly backendUrl: string | undefined;
  readonly observer = new Observer();
  readonly book = new ExchangeBook();
  readonly users = new UserDirectory();
  readonly grants: UserGrants;
  readonly stream = new EventStream();
  readonly #secrets: string[];

  constructor(context: EmulatorContext, backendUrl: string | undefined) {
    this.context = context;
    this.backendUrl = backendUrl;
    this.grants = new UserGrants(context);
    this.#secrets = context.options.apps.flatMap((app) => (app.appSecret === undefined ? [] : [app.appSecret]));
  }

  /** Takes in one logged request (the request log calls this as it records it). */
  record(entry: RequestLogEntry): void {
    const exchange = this.book.add(entry, this.observer.take(entry.headers));
    const user = this.users.note(exchange);
    this.grants.note(exchange);
    if (this.stream.size === 0) return;
    this.stream.send('exchange', {
      exchange: exchange.summary,
      totals: totals(this.context),
      armed: armedFaults(this.context),
      keys: keyViews(this.context),
      ...(user === undefined ? {} : { user: this.userRow(user) }),
    });
  }

  /** A user with the count of their live tokens. */
  userRow(user: UserView): UserView & { liveTokens: number } {
    return { ...user, liveTokens: this.grants.liveTokens(user.sub) };
  }

  /** Everything a page shows, sent when it connects. */
  snapshot(): Record<string, unknown> {
    return {
      ...staticState(this.context, this.backendUrl),
      keys: keyViews(this.context),
      armed: armedFaults(this.context),
      totals: totals(this.context),
      exchanges: this.book.recent(SNAPSHOT_EXCHANGES),
      users: this.users.list().map((user) => this.userRow(user)),
    };
  }

  /** One exchange's detail, masked unless `reveal` (app secrets are never in it). */
  detail(id: number, reveal: boolean): ExchangeDetail | undefined {
    const exchange = this.book.get(id);
    if (exchange === undefined) return undefined;
    const kids = keyViews(this.context).map((key) => key.kid);
    return exchangeDetail(exchange, { reveal, secrets: this.#secrets }, kids);
  }

  /** After the emulator's `reset()`: its tokens are gone, its faults disarmed, its counters zero. */
  reset(): void {
    this.grants.clear();
    this.broadcastFaults();
    this.broadcastUsers();
    this.stream.send('totals', { totals: totals(this.context) });
  }

  /** Tells every page the keys changed. */
  broadcastKeys(): void {
    this.stream.send('keys', { keys: keyViews(this.context) });
  }

  /** Tells every page what is armed now. */
  broadcastFaults(): void {
    this.stream.send('faults', { armed: armedFaults(this.context) });
  }

  /** Tells every page the users (and their live tokens) now. */
  broadcastUsers(): void {
    this.stream.send('users', { users: this.users.list().map((user) => this.userRow(user)) });
  }
}
