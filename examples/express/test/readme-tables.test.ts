import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AccessTokenError,
  ClientAuthError,
  ConfigurationError,
  CredentialsError,
  HttpError,
  IdTokenError,
  InvalidResponseError,
  SignInRejectedError,
  GrantRejectedError,
  OAuthRequestError,
  UnknownAppError,
  UpstreamError,
  VerifyTimeoutError,
} from '@passport-genauth/core';
import { STRATEGY_CLASSES } from '../src/strategies';

const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
const rows = readme.split('\n').filter((line) => line.startsWith('| `'));

function cells(row: string): string[] {
  return row
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe("README.md's tables", () => {
  it('list each of the 32 connections with its package, strategy class, strategy name and request fields', () => {
    const table = rows.map(cells).filter((row) => row[3]?.startsWith('`genauth-'));
    expect(table).toHaveLength(32);
    for (const Strategy of STRATEGY_CLASSES) {
      const { connection, strategyName } = Strategy.provider;
      const row = table.find((candidate) => candidate[0] === `\`${connection}\``);
      expect({ connection, row: row?.slice(1, 4) }).toEqual({
        connection,
        row: [expect.stringMatching(/^`@passport-genauth\/[a-z]+`$/), `\`${Strategy.name}\``, `\`${strategyName}\``],
      });
      const mentioned = [...(row?.[4] ?? '').matchAll(/`(\w+)[`:]/g)].map((match) => match[1]);
      expect({ connection, fields: mentioned }).toEqual({ connection, fields: [...Strategy.provider.fields] });
    }
  });

  it('list every error class with the code and the status it really carries', () => {
    const errors = [
      new ConfigurationError('x'),
      new CredentialsError('x'),
      new SignInRejectedError('x', {}),
      new IdTokenError('x'),
      new ClientAuthError('x', {}),
      new InvalidResponseError('x'),
      new UpstreamError('x', {}),
      new HttpError('x', 'network', {}),
      new AccessTokenError('invalid_token', 'x'),
      new GrantRejectedError('x'),
      new OAuthRequestError('invalid_request', 'x'),
      new VerifyTimeoutError(1),
      new UnknownAppError('x', []),
    ];
    for (const error of errors) {
      const row = rows.find((candidate) => candidate.startsWith(`| \`${error.code}\` | \`${error.name}\` |`));
      expect({ code: error.code, found: row !== undefined }).toEqual({ code: error.code, found: true });
      if (error.status !== undefined) expect(cells(row ?? '')[3]).toContain(String(error.status));
    }
  });
});
