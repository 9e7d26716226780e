/* Declares the global `Express.User` that Passport's typings use, so core compiles and type-checks
 * apps without depending on any @types package; it merges with @types/passport's when present. */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User {}
  }
}

export {};
