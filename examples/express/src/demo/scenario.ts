import { callBackend, mintCredential, type DemoIdentity, type JsonAnswer } from './mobile-app';
import { describeFailure, describeLogin, preview, shorten } from './report';
import { appSteps } from './app-steps';
import { sessionSteps } from './session-steps';
import { describeRequest, type DemoSession, type Expectation, type Step } from './steps';

/** Where the demo's two servers listen. */
export interface DemoUrls {
  readonly appUrl: string;
  readonly emulatorUrl: string;
}

function problemsWith(answer: JsonAnswer, expected: Expectation): string[] {
  const body = (typeof answer.body === 'object' && answer.body !== null ? answer.body : {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (answer.status !== expected.status) problems.push(`HTTP ${answer.status}, expected ${expected.status}`);
  if (expected.code !== undefined && body.code !== expected.code) problems.push(`code ${String(body.code)}, expected ${expected.code}`);
  if (expected.apiCode !== undefined && body.apiCode !== expected.apiCode) problems.push(`apiCode ${String(body.apiCode)}, expected ${expected.apiCode}`);
  if (expected.requestId && typeof body.requestId !== 'string') problems.push('no requestId in the answer');
  return problems;
}

/** A login step: posts a credential, expects `{ user, tokens }` on 200 (`keep` stores the tokens for later steps). */
function loginStep(
  title: string,
  path: string,
  body: (print: (line: string) => void) => Promise<Record<string, unknown>>,
  expect: Expectation,
  keep?: DemoSession,
): Step {
  return {
    title,
    request: async (print) => ({ method: 'POST', path, body: await body(print) }),
    expect,
    describe: describeLogin,
    check: (answer) => {
      const tokens = (answer.body as { user?: unknown; tokens?: { accessToken?: unknown; refreshToken?: unknown } } | null) ?? {};
      if (typeof tokens.user !== 'object' || typeof tokens.tokens !== 'object') return ['no { user, tokens } in the answer'];
      if (keep) {
        if (typeof tokens.tokens.refreshToken !== 'string') return ['no refresh token (the login scope must have offline_access)'];
        keep.accessToken = String(tokens.tokens.accessToken);
        keep.refreshToken = tokens.tokens.refreshToken;
      }
      return [];
    },
  };
}

function steps({ emulatorUrl }: DemoUrls): Step[] {
  const alice = { user: 'alice', name: 'Alice Zhang', email: 'alice@example.com', phone: '+8613800138000' };
  const session: DemoSession = {};
  let aliceWechatCode: Record<string, unknown> = {};
  const mint = async (print: (line: string) => void, connection: string, identity: DemoIdentity) => {
    const credential = await mintCredential(emulatorUrl, connection, identity);
    print(`the ${connection} SDK gave the app a one-time credential for provider user "${identity.user}"`);
    return credential;
  };
  return [
    loginStep('WeChat login', '/auth/wechat', async (print) => (aliceWechatCode = await mint(print, 'wechat', alice)), { status: 200 }, session),
    loginStep('Sign in with Apple, same person, another provider account', '/auth/apple', (print) => mint(print, 'apple', alice), { status: 200 }),
    loginStep(
      'NetEase Yidun one-click login through the single route',
      '/auth/mobile',
      async (print) => ({ connection: 'yidun', ...(await mint(print, 'yidun', { user: 'bob', phone: '+8613900139000' })) }),
      { status: 200 },
    ),
    loginStep(
      'Rejected: the WeChat code from step 1 is replayed',
      '/auth/wechat',
      async (print) => {
        print('the app (or an attacker) posts the already used WeChat code again');
        return aliceWechatCode;
      },
      { status: 401, code: 'GENAUTH_SIGNIN_REJECTED', requestId: true },
    ),
    loginStep(
      'Rejected: GenAuth says the user is locked',
      '/auth/wechat',
      async (print) => {
        print('a code of a user GenAuth has locked (the emulator\'s magic value "locked…")');
        return { code: 'locked-user-code' };
      },
      { status: 401, code: 'GENAUTH_SIGNIN_REJECTED', apiCode: 2005, requestId: true },
    ),
    ...sessionSteps(session),
    ...appSteps(emulatorUrl),
  ];
}

/**
 * Plays the mobile app against the backend, printing each request and what the backend answered.
 * Resolves to the number of steps that did not answer as expected.
 */
export async function runScenario(urls: DemoUrls, print: (line: string) => void): Promise<number> {
  let failed = 0;
  const all = steps(urls);
  for (const [index, step] of all.entries()) {
    print('');
    print(`${index + 1}. ${step.title}`);
    const indent = (line: string) => print(`   ${line}`);
    let problems: string[];
    try {
      const request = await step.request(indent);
      indent(describeRequest(request, preview, shorten));
      const answer = await callBackend(urls.appUrl, request);
      indent(`backend answered HTTP ${answer.status}`);
      const ok = answer.status >= 200 && answer.status <= 299;
      for (const line of ok ? step.describe(answer.body) : describeFailure(answer.body)) indent(`  ${line}`);
      if (!ok && answer.wwwAuthenticate) indent(`  challenge   WWW-Authenticate: ${answer.wwwAuthenticate}`);
      problems = problemsWith(answer, step.expect);
      if (problems.length === 0 && ok && step.check) problems = step.check(answer);
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
    if (problems.length === 0) indent(`✓ as expected (${step.expect.status})`);
    else {
      failed += 1;
      indent(`✗ NOT as expected: ${problems.join('; ')}`);
    }
  }
  print('');
  return failed;
}
