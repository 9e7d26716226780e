// undici's request(), loaded by path like core once did: the micro-benchmark's floor (core itself now
// dispatches with its own response reader and no longer loads it).
declare module 'undici/lib/api/api-request.js' {
  import type { Dispatcher } from 'undici';
  export default function request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
}
