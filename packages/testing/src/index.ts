export { runStrategy, type PassportStrategyLike, type RunStrategyOptions, type StrategyResult } from './run-strategy';
export { mockRequest, type MockRequestInit } from './mock-request';
export { describeProvider, type DescribeProviderOptions } from './describe-provider';
export { assertEndToEndCoverage, describeEndToEnd } from './describe-end-to-end';
export { loginApp, jsonErrors } from './login-app';
export { MockGenAuth, APP, ISSUER, SIGNIN_PATH, JWKS_PATH, type CapturedRequest } from './mock-genauth';
export { makeKey, signHs256, signRs256, unsigned, type TestKey, type TokenClaims } from './test-keys';
export { requiredFieldPaths } from './required-fields';
export { construct, strategyClassesOf, type ProviderStrategyClass } from './strategy-classes';
