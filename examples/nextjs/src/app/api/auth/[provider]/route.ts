import { genauth } from '../../../../lib/genauth';
import { login, unknownProvider } from '../../../../lib/login';

// undici (GenAuth's connection pool) and node:crypto (id_token checks) need Node.js, not the Edge runtime.
export const runtime = 'nodejs';
// Every login is per request: never prerendered or cached.
export const dynamic = 'force-dynamic';

/** `POST /api/auth/wechat` (`apple`, `yidun`): the mobile app posts its one-time credential. */
export async function POST(request: Request, context: { params: Promise<{ provider: string }> }): Promise<Response> {
  const { provider } = await context.params;
  const strategy = genauth().providers.get(provider);
  if (!strategy) return unknownProvider(provider);
  return login(strategy, request);
}
