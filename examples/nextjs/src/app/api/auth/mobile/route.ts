import { genauth } from '../../../../lib/genauth';
import { login } from '../../../../lib/login';

// undici (GenAuth's connection pool) and node:crypto (id_token checks) need Node.js, not the Edge runtime.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `POST /api/auth/mobile`: one route for every connection, `{ "connection": "yidun", … }`. */
export async function POST(request: Request): Promise<Response> {
  return login(genauth().mobile, request);
}
