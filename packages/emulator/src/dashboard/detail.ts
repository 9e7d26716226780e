import type { Exchange, ExchangeSummary } from './exchanges';
import { parseAnswer } from './exchanges';
import { tokensOf, type PublishedKids, type TokenView } from './jwt-view';
import { maskAnswerBody, maskHeaders, maskRequestBody, scrubSecrets, type MaskPolicy } from './masking';

/** Everything the detail view of one exchange shows. */
export interface ExchangeDetail {
  readonly summary: ExchangeSummary;
  readonly revealed: boolean;
  readonly request: { readonly method: string; readonly path: string; readonly headers: [string, string][]; readonly body: unknown };
  readonly answer: { readonly httpStatus: number | null; readonly contentType: string | null; readonly body: unknown; readonly captured: boolean } | null;
  readonly tokens: readonly TokenView[];
}

const MAX_TEXT = 4096;

function authorizationOf(exchange: Exchange): string | undefined {
  const value = exchange.entry.headers.authorization;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The detail of an exchange: request headers and body, the answer, and every token in them decoded.
 * Credentials and tokens are masked unless `policy.reveal`; app secrets are never in it.
 */
export function exchangeDetail(exchange: Exchange, policy: MaskPolicy, kids: PublishedKids): ExchangeDetail {
  const { entry, summary, answer } = exchange;
  const parsed = parseAnswer(answer?.text);
  let body: unknown = null;
  if (parsed !== undefined) body = maskAnswerBody(parsed, policy);
  else if (answer?.text !== undefined) {
    const text = answer.text.length > MAX_TEXT ? `${answer.text.slice(0, MAX_TEXT)}… (${answer.text.length} characters)` : answer.text;
    body = scrubSecrets(text, policy.secrets);
  }
  const tokens = tokensOf(entry.body, authorizationOf(exchange), parsed, kids).map((token) =>
    token.claims === undefined
      ? token
      : { ...token, claims: maskAnswerBody(token.claims, { reveal: true, secrets: policy.secrets }) as Record<string, unknown> },
  );
  return {
    summary,
    revealed: policy.reveal,
    request: { method: entry.method, path: entry.path, headers: maskHeaders(entry.headers, policy), body: maskRequestBody(entry.body, policy) },
    answer:
      answer === undefined
        ? null
        : { httpStatus: answer.httpStatus ?? null, contentType: answer.contentType ?? null, body, captured: answer.text !== undefined },
    tokens,
  };
}
