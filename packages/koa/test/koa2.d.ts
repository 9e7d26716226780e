// Koa 2 is installed under the alias `koa2` (Koa 3 is `koa`); its API used here is the same.
declare module 'koa2' {
  import Koa = require('koa');
  export = Koa;
}
