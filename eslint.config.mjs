// ESLint for the whole workspace (`pnpm lint`). TypeScript files that the root tsconfig.json type-checks
// are linted with type information, through that same single program, so the rules that need types
// (floating promises, promises where callbacks are expected, unsafe `any`) see every package at once.
// Formatting is Prettier's job (.prettierrc.json); no rule here is about layout.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const tsconfig = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8'));
const asGlob = (entry) => (/\.[cm]?tsx?$/.test(entry) ? entry : `${entry}/**/*.{ts,tsx,mts,cts}`);
/** What `tsc -p tsconfig.json` checks, as globs: linted with types. */
const typed = tsconfig.include.map(asGlob);
const untypedByTsc = (tsconfig.exclude ?? []).filter((entry) => !entry.startsWith('**/')).map(asGlob);

export default defineConfig(
  includeIgnoreFile(fileURLToPath(new URL('./.gitignore', import.meta.url))),
  { ignores: ['**/*.d.ts', '.changeset/**'] },
  js.configs.recommended,
  // Every TypeScript file: the rules that need no types.
  { files: ['**/*.{ts,tsx,mts,cts}'], extends: [tseslint.configs.recommended] },
  {
    files: typed,
    ignores: untypedByTsc,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      // The bugs this codebase can have: a promise nobody awaits or catches, a promise where a callback is
      // expected (an event handler, Passport's done), awaiting something that is not a promise.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // `any` leaking out of JSON.parse or untyped libraries into typed code.
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      // A `switch` on a union (error codes, outcome types) must handle every member or say default.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // An async function without await is how a verify callback returns a user: not a bug here.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests (and the testing kit's suites) read HTTP answers (supertest's `res.body` is `any` by design)
    // and assert on them with `expect.any()` (typed `any`); Jest's
    // `expect(obj.fn)` passes methods unbound on purpose. Promises must still be awaited in tests.
    files: ['**/test/**/*.{ts,tsx}', 'packages/testing/src/describe-*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Test helpers type the JSON a server answered loosely; product code may not.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // README.md quotes this file word for word; passport.authenticate() is typed `any` by @types/passport.
    files: ['examples/express/src/minimal-app.ts'],
    rules: { '@typescript-eslint/no-unsafe-argument': 'off' },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }] },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
