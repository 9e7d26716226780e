export { startEmulator, type Emulator } from './emulator';
export {
  DEMO_APP,
  type ClientAuthStrictness,
  type EmulatorApp,
  type EmulatorOptions,
  type IdentitySource,
  type IdTokenSigningAlg,
  type TokenEndpointAuthMethod,
  type TokenLifetimes,
} from './config';
export type { DashboardOptions } from './dashboard/options';
export {
  CONNECTIONS,
  CONNECTION_NAMES,
  isConnection,
  type Connection,
  type ConnectionSpec,
  type CredentialNoun,
  type FieldSpec,
  type ObjectShape,
} from './connections';
export type {
  AccessTokenCredential,
  CodeCredential,
  EncryptedDataCredential,
  MintedCredential,
  MintedCredentialMap,
  ProviderIdentity,
} from './credential-shapes';
export { MAGIC_PREFIXES, type MagicPrefix, type MagicPrefixName } from './magic-values';
export { ENVELOPE_FAULT_KINDS, FAULT_KINDS, type EnvelopeFaultKind, type FaultInjection, type FaultKind } from './faults';
export type { Envelope, SigninData } from './envelope';
export type { JsonWebKeySet, PublicJwk } from './keys';
export {
  LOGGED_ENDPOINTS,
  type ConnectionStats,
  type EmulatorStats,
  type EndpointStats,
  type LoggedEndpoint,
  type PresentedTokenKind,
  type RequestLogEntry,
  type RequestOutcome,
} from './request-log';
export type { PresentedClientAuth } from './lifecycle/client-authentication';
export type { ActiveIntrospection } from './lifecycle/introspect-token';
export type { RefreshAnswer } from './lifecycle/refresh-grant';
export type { OAuthErrorCode } from './lifecycle/oauth-response';
export type { UserinfoValue } from './lifecycle/userinfo-claims';
export { END_SESSION_PATH, INTROSPECTION_PATH, REVOCATION_PATH, TOKEN_PATH, USERINFO_PATH } from './lifecycle/routes';
export { DEFAULT_SCOPE } from './signin-options';
export { JWKS_PATH, DISCOVERY_PATH } from './metadata-routes';
export { SIGNIN_PATH } from './signin-route';
export { subjectFor } from './provider-simulator';
