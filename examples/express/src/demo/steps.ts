import type { AppRequest, JsonAnswer } from './mobile-app';

/** What a step must answer. */
export interface Expectation {
  readonly status: number;
  readonly code?: string;
  readonly apiCode?: number;
  readonly requestId?: boolean;
}

/** One thing the mobile app does. */
export interface Step {
  readonly title: string;
  /** Builds the request, printing how the app got what it sends. */
  readonly request: (print: (line: string) => void) => Promise<AppRequest>;
  readonly expect: Expectation;
  /** Lines describing a successful answer (failures are described the same way for every step). */
  readonly describe: (body: unknown) => string[];
  /** Further problems with a successful answer; keeps what later steps need (tokens). */
  readonly check?: (answer: JsonAnswer) => string[];
}

/** The tokens the app holds between steps, as a mobile app keeps them after a login. */
export interface DemoSession {
  accessToken?: string;
  refreshToken?: string;
}

/** `POST /auth/wechat  {...}` or `GET /api/me  Authorization: Bearer eyJ…(812 chars)`. */
export function describeRequest(request: AppRequest, preview: (body: unknown) => string, shorten: (token: string) => string): string {
  const parts = [`${request.method} ${request.path}`];
  if (request.app !== undefined) parts.push(`x-client-app: ${request.app}`);
  if (request.accessToken !== undefined) parts.push(`Authorization: Bearer ${shorten(request.accessToken)}`);
  if (request.body !== undefined) parts.push(preview(request.body));
  return parts.join('  ');
}

/** The token a step needs, or an error saying which earlier step did not provide it. */
export function held(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`no ${what}: an earlier step did not answer as expected`);
  return value;
}
