import type { GenAuthAuthInfo } from '@passport-genauth/core';

/** What the app keeps of a signed-in user (here, without a database). */
export interface AppUser {
  readonly id: string;
  readonly connection: string;
  readonly displayName: string;
}

// `@midwayjs/koa`'s own State lives in its dist/interface module (augmenting the package root merges nothing).
declare module '@midwayjs/koa/dist/interface' {
  /** What the login middleware leaves on `ctx.state` besides `user` (typed by `@midwayjs/passport` when installed). */
  interface State {
    /** The GenAuth token set (plus any info verify passed): forward it to the app, never log it. */
    authInfo?: GenAuthAuthInfo;
  }
}
