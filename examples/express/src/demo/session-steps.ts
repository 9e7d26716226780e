import { describeLogin, describeApiAnswer, shorten } from './report';
import { held, type DemoSession, type Step } from './steps';

function tokensOf(body: unknown): { accessToken?: unknown; refreshToken?: unknown } {
  const tokens = (body as { tokens?: unknown } | null)?.tokens;
  return typeof tokens === 'object' && tokens !== null ? tokens : {};
}

/**
 * The session after the login, as a mobile app lives it: call the API with the access token, refresh,
 * call again, log out, then see the refresh token and the revoked access token refused.
 */
export function sessionSteps(session: DemoSession): Step[] {
  let revokedAccessToken: string | undefined;
  const callApi = (title: string): Step => ({
    title,
    request: async () => ({ method: 'GET', path: '/api/me', accessToken: held(session.accessToken, 'access token') }),
    expect: { status: 200 },
    describe: describeApiAnswer,
  });
  return [
    callApi('Call the API with the access token (verified offline: RS256, iss, aud, exp, scopes)'),
    {
      title: 'Refresh the session with the refresh token',
      request: async () => ({ method: 'POST', path: '/auth/refresh', body: { refreshToken: held(session.refreshToken, 'refresh token') } }),
      expect: { status: 200 },
      describe: (body) => {
        const { refreshToken } = tokensOf(body);
        return [
          ...describeLogin(body),
          `refresh     ${refreshToken === session.refreshToken ? 'GenAuth kept the refresh token' : 'GenAuth rotated the refresh token: the app stores the new one'}`,
        ];
      },
      check: (answer) => {
        const { accessToken, refreshToken } = tokensOf(answer.body);
        if (typeof accessToken !== 'string' || typeof refreshToken !== 'string') return ['no new tokens in the answer'];
        if (accessToken === session.accessToken) return ['the access token did not change'];
        session.accessToken = accessToken;
        session.refreshToken = refreshToken;
        return [];
      },
    },
    callApi('Call the API with the new access token'),
    {
      title: 'Log out: the backend revokes the refresh token (its whole grant), then the access token',
      request: async () => {
        revokedAccessToken = held(session.accessToken, 'access token');
        return { method: 'POST', path: '/auth/logout', accessToken: revokedAccessToken, body: { refreshToken: held(session.refreshToken, 'refresh token') } };
      },
      expect: { status: 204 },
      describe: () => ['revoked     GenAuth answered 200 to both revocations (RFC 7009)'],
    },
    {
      title: 'Rejected: refresh with the logged-out refresh token',
      request: async () => ({ method: 'POST', path: '/auth/refresh', body: { refreshToken: held(session.refreshToken, 'refresh token') } }),
      expect: { status: 401, code: 'GENAUTH_INVALID_GRANT' },
      describe: () => [],
    },
    {
      title: 'Rejected: the revoked access token on an introspecting route',
      request: async (print) => {
        print(`GenAuth still signs ${shorten(held(revokedAccessToken, 'revoked access token'))} as valid until exp; introspection sees the revocation`);
        return { method: 'GET', path: '/api/me/introspected', accessToken: held(revokedAccessToken, 'revoked access token') };
      },
      expect: { status: 401, code: 'GENAUTH_ACCESS_TOKEN' },
      describe: () => [],
    },
  ];
}
