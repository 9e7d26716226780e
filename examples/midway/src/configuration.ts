import { App, Configuration, type ILifeCycle } from '@midwayjs/core';
import * as koa from '@midwayjs/koa';
import DefaultConfig from './config/config.default';
import { JsonErrorFilter } from './filter/json-error.filter';

/**
 * The app: Midway 3 on Koa, its configuration given as an object (no config directory to scan), and
 * the JSON error filter. Midway finds the controller and the providers by scanning `src/`.
 */
@Configuration({
  imports: [koa],
  importConfigs: [{ default: DefaultConfig }],
  // Not scanned: the entry file (requiring it would start a second app) and the @midwayjs/passport
  // variant, a separate component (see README).
  detectorOptions: { ignore: ['**/main.ts', '**/main.js', '**/passport-way/**'] },
})
export class MainConfiguration implements ILifeCycle {
  @App('koa')
  app!: koa.Application;

  async onReady(): Promise<void> {
    this.app.useFilter([JsonErrorFilter]);
  }
}
