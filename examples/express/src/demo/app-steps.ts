import { CLIENT_APPS } from '../client-apps';
import { mintCredential } from './mobile-app';
import { describeLogin } from './report';
import { held, type Step } from './steps';

/** The access tokens the two client apps got, kept between steps. */
interface AppTokens {
  ios?: string;
  android?: string;
}

function accessTokenOf(body: unknown): string | undefined {
  const token = (body as { tokens?: { accessToken?: unknown } } | null)?.tokens?.accessToken;
  return typeof token === 'string' ? token : undefined;
}

/**
 * The company's iOS and Android apps are separate GenAuth applications behind the same backend
 * (`x-client-app`): each signs in with its own client authentication, and one app's access token is
 * refused by the other app's API even though both share the GenAuth host and its keys.
 */
export function appSteps(emulatorUrl: string): Step[] {
  const tokens: AppTokens = {};
  const signIn = (alias: 'ios' | 'android', connection: string, user: string): Step => ({
    title: `The ${alias === 'ios' ? 'iOS' : 'Android'} app signs in: its own GenAuth application (${CLIENT_APPS[alias].appId}, ${CLIENT_APPS[alias].tokenEndpointAuthMethod})`,
    request: async (print) => {
      const credential = await mintCredential(emulatorUrl, connection, { user });
      print(`the ${connection} SDK gave the ${alias} app a one-time credential for provider user "${user}"`);
      return { method: 'POST', path: `/auth/${connection}`, body: credential, app: alias };
    },
    expect: { status: 200 },
    describe: describeLogin,
    check: (answer) => {
      const token = accessTokenOf(answer.body);
      if (token === undefined) return ['no access token in the answer'];
      tokens[alias] = token;
      return [];
    },
  });
  return [
    signIn('ios', 'apple', 'carol'),
    signIn('android', 'wechat', 'dave'),
    {
      title: "Refused: the Android app's access token on the iOS app's API (same GenAuth host and keys, another audience)",
      request: async () => ({ method: 'GET', path: '/api/me', accessToken: held(tokens.android, 'Android access token'), app: 'ios' }),
      expect: { status: 401, code: 'GENAUTH_ACCESS_TOKEN' },
      describe: () => [],
    },
  ];
}
