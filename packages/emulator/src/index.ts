export { startEmulator, type Emulator } from './emulator';
export {
  DEMO_APP,
  type EmulatorApp,
  type EmulatorOptions,
  type IdentitySource,
  type IdTokenSigningAlg,
  type TokenEndpointAuthMethod,
  type TokenLifetimes,
} from './config';
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
export { FAULT_KINDS, type FaultInjection, type FaultKind } from './faults';
export type { Envelope, SigninData } from './envelope';
export type { JsonWebKeySet, PublicJwk } from './keys';
export type { ConnectionStats, EmulatorStats, RequestLogEntry, RequestOutcome } from './request-log';
export { DEFAULT_SCOPE } from './signin-options';
export { JWKS_PATH, DISCOVERY_PATH } from './metadata-routes';
export { SIGNIN_PATH } from './signin-route';
export { subjectFor } from './provider-simulator';
