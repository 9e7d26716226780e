import { Configuration, Controller, Post } from '@midwayjs/core';
import { genauthLogin } from '../../src/genauth/login.middleware';

/** A test-only component: a login route whose handler has a bug. */
@Configuration({ namespace: 'route-that-throws' })
export class RouteThatThrowsConfiguration {}

/** Signs in with WeChat, then throws in the handler, as an app's own bug would. */
@Controller('/')
export class RouteThatThrowsController {
  @Post('/auth/wechat/then-throw', { middleware: [genauthLogin('genauth-wechat')] })
  thenThrow(): never {
    throw new Error('a bug in the route handler after a successful login');
  }
}

/** Pass to `startMidwayApp(…, { imports: [routeThatThrows] })`. */
export const routeThatThrows = { Configuration: RouteThatThrowsConfiguration, RouteThatThrowsController };
