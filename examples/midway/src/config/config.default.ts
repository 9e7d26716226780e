import { randomBytes } from 'node:crypto';
import type { MidwayConfig } from '@midwayjs/core';
import { genauthConfigFromEnv } from '../genauth/genauth-config';

/** Largest JSON body a login accepts: credentials are small; mini-program encrypted data fits easily. */
export const BODY_LIMIT = '64kb';

/** The app's default configuration; tests and `main.ts` override `genauth` through `globalConfig`. */
export default {
  // Midway refuses to start without cookie-signing keys. The login routes set no cookie (the session
  // middleware @midwayjs/koa installs stays untouched), so a random key is enough unless you add cookies.
  keys: process.env.MIDWAY_KEYS ?? randomBytes(32).toString('hex'),
  bodyParser: { enableTypes: ['json'], jsonLimit: BODY_LIMIT },
  genauth: genauthConfigFromEnv(process.env),
} satisfies MidwayConfig;
