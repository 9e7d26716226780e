export { PassportWayConfiguration as Configuration } from './configuration';
export { ApplePassportMiddleware, WechatPassportMiddleware } from './middlewares';
export { PassportController } from './passport.controller';
export { ApplePassportStrategy, WechatPassportStrategy } from './strategies';
