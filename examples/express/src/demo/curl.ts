import type { DemoUrls } from './scenario';

/** Ready-to-paste commands for trying the running servers by hand (`demo --keep`). */
export function curlCommands({ appUrl, emulatorUrl }: DemoUrls): string[] {
  const json = `-H 'content-type: application/json'`;
  return [
    '# 1. What a provider SDK gives the app: mint a one-time WeChat code for provider user "dave"',
    `CRED=$(curl -s -X POST ${emulatorUrl}/__emulator/credentials ${json} -d '{"connection":"wechat","user":"dave","email":"dave@example.com"}'); echo "$CRED"`,
    '# 2. The app posts it to the backend: { user, tokens }',
    `curl -s -X POST ${appUrl}/auth/wechat ${json} -d "$CRED"`,
    '# 3. Post it again: 401, the code is one-time',
    `curl -s -X POST ${appUrl}/auth/wechat ${json} -d "$CRED"`,
    '# 4. The single route: the connection in the query string (or in the body as "connection")',
    `CRED=$(curl -s -X POST ${emulatorUrl}/__emulator/credentials ${json} -d '{"connection":"apple","user":"dave"}')`,
    `curl -s -X POST '${appUrl}/auth/mobile?connection=apple' ${json} -d "$CRED"`,
    '# 5. Failures: a missing credential (400), a locked user (401 with apiCode 2005)',
    `curl -s -X POST ${appUrl}/auth/apple ${json} -d '{}'`,
    `curl -s -X POST ${appUrl}/auth/wechat ${json} -d '{"code":"locked-1"}'`,
    '# 6. After the login: call the API with the access token, refresh, log out, then see both tokens refused',
    `LOGIN=$(curl -s -X POST ${appUrl}/auth/wechat ${json} -d "$(curl -s -X POST ${emulatorUrl}/__emulator/credentials ${json} -d '{"connection":"wechat","user":"erin"}')")`,
    `AT=$(node -pe 'JSON.parse(process.argv[1]).tokens.accessToken' "$LOGIN"); RT=$(node -pe 'JSON.parse(process.argv[1]).tokens.refreshToken' "$LOGIN")`,
    `curl -s ${appUrl}/api/me -H "authorization: Bearer $AT"`,
    `curl -s -X POST ${appUrl}/auth/refresh ${json} -d "{\\"refreshToken\\":\\"$RT\\"}"`,
    `curl -s -i -X POST ${appUrl}/auth/logout ${json} -H "authorization: Bearer $AT" -d "{\\"refreshToken\\":\\"$RT\\"}"`,
    `curl -s -X POST ${appUrl}/auth/refresh ${json} -d "{\\"refreshToken\\":\\"$RT\\"}"`,
    `curl -s -i ${appUrl}/api/me/introspected -H "authorization: Bearer $AT"`,
    `curl -s ${appUrl}/healthz`,
  ];
}
