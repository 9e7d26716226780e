import { Agent, request } from 'undici';

/** One Server-Sent Event as a page receives it. */
export interface DashboardEvent {
  event: string;
  data: any;
}

/** A dashboard page's event stream, read over real HTTP. */
export interface EventReader {
  /** The next event named `name` (earlier events of other names are skipped). */
  next(name: string): Promise<any>;
  close(): Promise<void>;
}

/** Opens `GET /__emulator/dashboard/events` and parses the stream as EventSource does. */
export async function openEvents(url: string): Promise<EventReader> {
  const agent = new Agent();
  const response = await request(`${url}/__emulator/dashboard/events`, { dispatcher: agent, headers: { accept: 'text/event-stream' } });
  if (response.statusCode !== 200) throw new Error(`events answered HTTP ${response.statusCode}`);
  const queue: DashboardEvent[] = [];
  const waiting: Array<{ name: string; resolve: (data: any) => void }> = [];
  let buffer = '';
  const deliver = () => {
    for (const waiter of [...waiting]) {
      const index = queue.findIndex((event) => event.event === waiter.name);
      if (index < 0) continue;
      const [event] = queue.splice(0, index + 1).slice(-1);
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(event?.data);
    }
  };
  response.body.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event !== undefined && data !== undefined) queue.push({ event, data: JSON.parse(data) });
    }
    deliver();
  });
  response.body.on('error', () => undefined);
  return {
    next: (name) =>
      new Promise((resolve) => {
        waiting.push({ name, resolve });
        deliver();
      }),
    close: async () => {
      response.body.destroy();
      await agent.close();
    },
  };
}

/** The headers the dashboard page sends with a request that changes something. */
export const PAGE_JSON = { 'content-type': 'application/json' };
