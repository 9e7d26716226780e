import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PassportModule } from '@nestjs/passport';
import { ApiController } from './api.controller';
import { AppleAuthStrategy } from './apple-auth.strategy';
import { AuthController } from './auth.controller';
import { BearerAuthStrategy } from './bearer-auth.strategy';
import { GENAUTH_OPTIONS, type GenAuthModuleOptions } from './genauth-options';
import { WechatAuthStrategy } from './wechat-auth.strategy';

/** Largest JSON body a login accepts. */
export const BODY_LIMIT = '64kb';

/** The login routes, the API behind `genauth-bearer`, and their strategies, sharing one GenAuth client. */
@Module({})
export class AuthModule {
  /** `AuthModule.forRoot({ client, identitySources? })`. */
  static forRoot(options: GenAuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [PassportModule.register({ session: false })],
      controllers: [AuthController, ApiController],
      providers: [{ provide: GENAUTH_OPTIONS, useValue: options }, WechatAuthStrategy, AppleAuthStrategy, BearerAuthStrategy],
    };
  }
}

/** Applies the app-wide settings (create the app with `{ bodyParser: false }`): a JSON body parser capped at 64 kB. */
export function configureApp(app: INestApplication): void {
  (app as NestExpressApplication).useBodyParser('json', { limit: BODY_LIMIT });
}
