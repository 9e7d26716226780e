import { Configuration } from '@midwayjs/core';
import * as passport from '@midwayjs/passport';

/**
 * The `@midwayjs/passport` variant as a component of its own, added to the app only where it is
 * imported (the tests do, to show its traps): `imports: [passportWay]`.
 */
@Configuration({ namespace: 'passport-way', imports: [passport] })
export class PassportWayConfiguration {}
