export { authenticate, type LoginStrategy, type WebAuthenticateOptions } from './authenticate';
export { toResponse, type SuccessResponder } from './to-response';
export { PayloadTooLargeError } from './payload-too-large-error';
export { DEFAULT_MAX_BODY_BYTES } from './read-body';
export type { WebLoginOutcome, WebLoginSuccess } from './web-outcome';
export type { WebGenAuthRequest } from './web-request';
