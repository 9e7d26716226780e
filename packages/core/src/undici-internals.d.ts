// Types for the undici module core loads by path (see undici-parts.ts): the same value undici's
// entry exports as `Agent`.
declare module 'undici/lib/dispatcher/agent.js' {
  import { Agent } from 'undici';
  export default Agent;
}
