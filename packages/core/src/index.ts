export { GenAuthClient } from './client';
export type { GenAuthClientOptions, IdTokenSettings } from './client-options';
export { clientAuthentication, clientSecretBasic, clientSecretPost, none, type ClientAuthentication } from './client-auth';
export {
  ClientAuthError,
  ConfigurationError,
  CredentialsError,
  GenAuthError,
  HttpError,
  IdTokenError,
  InvalidResponseError,
  SignInRejectedError,
  UpstreamError,
  hasErrorCode,
  isGenAuthError,
  type GenAuthErrorCode,
  type GenAuthErrorDetails,
  type HttpFailureReason,
} from './errors';
export { processSignInResponse } from './sign-in-response';
export { buildProfile } from './profile';
export { accessTokenProvider, authorizationCodeProvider, miniProgramCodeProvider, type PresetDefinition } from './provider-presets';
export { defineProvider, strategyNameFor, type Provider, type ProviderDefinition, type ProviderField } from './provider';
export {
  atLeastOneOf,
  miniProgramLogin,
  nestedObject,
  optionalFlag,
  optionalString,
  presentTogether,
  requiredString,
  MAX_CREDENTIAL_LENGTH,
  MAX_ENCRYPTED_LENGTH,
} from './credential-fields';
export { extractCredentials, type ExtractionPlan } from './extract-credentials';
export {
  defineStrategy,
  type GenAuthStrategyConstructor,
  type VerifyFunction,
  type VerifyFunctionWithRequest,
  type VerifyReturn,
} from './define-strategy';
export { GenAuthStrategy, applyOutcome } from './strategy';
export { GenAuthMobileStrategy, type GenAuthMobileStrategyOptions } from './mobile-strategy';
export type { GenAuthAuthenticateOptions } from './login';
export type {
  GenAuthStrategyCommonOptions,
  GenAuthStrategyOptions,
  SharedClientOption,
  SignInClient,
  StrategyClientOptions,
} from './strategy-options';
export { toErrorBody, type GenAuthErrorBody } from './error-body';
export { getAuthFailure, type GenAuthAuthInfo, type GenAuthFailure, type LoginOutcome } from './outcome';
export type { VerifyCallback } from './verify';
export type { GenAuthRequest } from './request';
export type {
  GenAuthProfile,
  GenAuthSignIn,
  GenAuthSignInOptions,
  IdTokenClaims,
  SignInByMobileRequest,
  TokenEndpointAuthMethod,
  TokenSet,
} from './types';
export { z } from 'zod';
