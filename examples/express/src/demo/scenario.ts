import { mintCredential, signIn, type DemoIdentity, type JsonAnswer } from './mobile-app';
import { describeFailure, describeLogin, preview } from './report';

/** Where the demo's two servers listen. */
export interface DemoUrls {
  readonly appUrl: string;
  readonly emulatorUrl: string;
}

/** What a step must answer. */
interface Expectation {
  readonly status: number;
  readonly code?: string;
  readonly apiCode?: number;
  readonly requestId?: boolean;
}

/** One thing the mobile app does. */
interface Step {
  readonly title: string;
  readonly path: string;
  /** Builds the request body, printing how the app got its credential. */
  readonly body: (print: (line: string) => void) => Promise<Record<string, unknown>>;
  readonly expect: Expectation;
}

function problemsWith(answer: JsonAnswer, expected: Expectation): string[] {
  const body = (typeof answer.body === 'object' && answer.body !== null ? answer.body : {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (answer.status !== expected.status) problems.push(`HTTP ${answer.status}, expected ${expected.status}`);
  if (expected.status === 200 && (typeof body.user !== 'object' || typeof body.tokens !== 'object')) problems.push('no { user, tokens } in the answer');
  if (expected.code !== undefined && body.code !== expected.code) problems.push(`code ${String(body.code)}, expected ${expected.code}`);
  if (expected.apiCode !== undefined && body.apiCode !== expected.apiCode) problems.push(`apiCode ${String(body.apiCode)}, expected ${expected.apiCode}`);
  if (expected.requestId && typeof body.requestId !== 'string') problems.push('no requestId in the answer');
  return problems;
}

function steps({ emulatorUrl }: DemoUrls): Step[] {
  const alice = { user: 'alice', name: 'Alice Zhang', email: 'alice@example.com', phone: '+8613800138000' };
  let aliceWechatCode: Record<string, unknown> = {};
  const mint = async (print: (line: string) => void, connection: string, identity: DemoIdentity) => {
    const credential = await mintCredential(emulatorUrl, connection, identity);
    print(`the ${connection} SDK gave the app a one-time credential for provider user "${identity.user}"`);
    return credential;
  };
  return [
    {
      title: 'WeChat login',
      path: '/auth/wechat',
      body: async (print) => (aliceWechatCode = await mint(print, 'wechat', alice)),
      expect: { status: 200 },
    },
    {
      title: 'Sign in with Apple, same person, another provider account',
      path: '/auth/apple',
      body: (print) => mint(print, 'apple', alice),
      expect: { status: 200 },
    },
    {
      title: 'NetEase Yidun one-click login through the single route',
      path: '/auth/mobile',
      body: async (print) => ({ connection: 'yidun', ...(await mint(print, 'yidun', { user: 'bob', phone: '+8613900139000' })) }),
      expect: { status: 200 },
    },
    {
      title: 'Rejected: the WeChat code from step 1 is replayed',
      path: '/auth/wechat',
      body: async (print) => {
        print('the app (or an attacker) posts the already used WeChat code again');
        return aliceWechatCode;
      },
      expect: { status: 401, code: 'GENAUTH_SIGNIN_REJECTED', requestId: true },
    },
    {
      title: 'Rejected: GenAuth says the user is locked',
      path: '/auth/wechat',
      body: async (print) => {
        print('a code of a user GenAuth has locked (the emulator\'s magic value "locked…")');
        return { code: 'locked-user-code' };
      },
      expect: { status: 401, code: 'GENAUTH_SIGNIN_REJECTED', apiCode: 2005, requestId: true },
    },
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
      const body = await step.body(indent);
      indent(`POST ${step.path}  ${preview(body)}`);
      const answer = await signIn(urls.appUrl, step.path, body);
      indent(`backend answered HTTP ${answer.status}`);
      for (const line of answer.status === 200 ? describeLogin(answer.body) : describeFailure(answer.body)) indent(`  ${line}`);
      problems = problemsWith(answer, step.expect);
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
