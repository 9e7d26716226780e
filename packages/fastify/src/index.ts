export { genauth, type GenAuthFastifyOptions } from './hook';
export type { LoginStrategy, StrategyRegistry } from '@passport-genauth/core';
export { getAuthFailure, toErrorBody, type GenAuthAuthInfo, type GenAuthErrorBody, type GenAuthFailure } from '@passport-genauth/core';
