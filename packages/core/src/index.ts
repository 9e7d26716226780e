export { GenAuthClient, type WarmUpResult } from './client';
export { GenAuthApps, isGenAuthApps, type ChosenApp, type GenAuthAppConfig, type GenAuthAppsOptions } from './genauth-apps';
export type { GenAuthClientOptions, IdTokenSettings } from './client-options';
export { clientAuthentication, clientSecretBasic, clientSecretPost, none, type ClientAuthentication } from './client-auth';
export {
  AccessTokenError,
  ClientAuthError,
  ConfigurationError,
  CredentialsError,
  GenAuthError,
  HttpError,
  IdTokenError,
  GrantRejectedError,
  InvalidResponseError,
  OAuthRequestError,
  SignInRejectedError,
  UnknownAppError,
  UpstreamError,
  VerifyTimeoutError,
  hasErrorCode,
  isGenAuthError,
  type BearerErrorCode,
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
export { bearerToken, extractCredentials, type CredentialSources, type ExtractionPlan } from './extract-credentials';
export { defineStrategy, type GenAuthStrategyConstructor, type VerifyFunction, type VerifyFunctionWithRequest, type VerifyReturn } from './define-strategy';
export { GenAuthStrategy } from './strategy';
export { applyOutcome } from './deliver-outcome';
export { GenAuthMobileStrategy, type GenAuthMobileStrategyOptions } from './mobile-strategy';
export type { GenAuthAuthenticateOptions } from './login';
export type { GenAuthStrategyCommonOptions, GenAuthStrategyOptions, SharedClientOption, SignInClient, StrategyClientOptions } from './strategy-options';
export { toErrorBody, type GenAuthErrorBody } from './error-body';
export { loginSafely, resolveStrategy, type LoginStrategy, type StrategyRegistry } from './login-strategy';
export { asError, errorBodyOf, recordFailure, routeOptions } from './adapter-answers';
export { getAuthFailure, rememberFailure, type GenAuthAuthInfo, type GenAuthFailure, type LoginOutcome } from './outcome';
export type { VerifyCallback } from './verify';
export type { GenAuthRequest } from './request';
export type { GenAuthProfile, GenAuthSignIn, GenAuthSignInOptions, IdTokenClaims, SignInByMobileRequest, TokenEndpointAuthMethod, TokenSet } from './types';
export type { AccessTokenClaims, AccessTokenVerifier, VerifyAccessTokenOptions } from './access-token';
export type { GenAuthRefresh, RefreshedTokenSet, RefreshOptions } from './refresh';
export type { TokenCallOptions, TokenTypeHint } from './revocation';
export type { IntrospectionResult } from './introspection';
export type { UserInfoClaims } from './userinfo';
export { GenAuthBearerStrategy, type BearerVerifyClaims, type BearerVerifyFunction, type BearerVerifyFunctionWithRequest } from './bearer-strategy';
export type { GenAuthBearerAuthenticateOptions, GenAuthBearerFailure, GenAuthBearerInfo } from './bearer-login';
export type { BearerClient, BearerClientOptions, BearerTokenLocation, GenAuthBearerCommonOptions, GenAuthBearerStrategyOptions } from './bearer-options';
export { channelNames, channels, type GenAuthChannels } from './diagnostics/channels';
export type {
  AuthenticateMessage,
  DiagnosticCompletion,
  DiagnosticErrorCode,
  DiagnosticResult,
  ExchangeMessage,
  ExchangeOperation,
  IdTokenMessage,
  JwksFetchMessage,
} from './diagnostics/messages';
export { diagnosticLabels, KNOWN_API_CODES, KNOWN_GENAUTH_STATUS_CODES } from './diagnostics/labels';
export {
  configureTelemetry,
  type MeterProviderLike,
  type RecordUserId,
  type TelemetryOptions,
  type TelemetryStatus,
  type TracerProviderLike,
} from './diagnostics/telemetry';
export { z } from 'zod';
