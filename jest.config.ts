/** @jest-config-loader esbuild-register */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from 'jest';

const root = __dirname;

/** Tests run from TypeScript source: workspace imports resolve to each package's `src/index.ts`. */
const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@passport-genauth/([a-z0-9-]+)$': join(root, 'packages/$1/src/index.ts'),
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // cookie@2 is ESM-only and Jest on Node 20 cannot require() ESM: compile it (fastify.inject, @fastify/cookie load it).
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/cookie@[^/]+/node_modules/)?cookie/)'],
} satisfies Config;

function projectsUnder(folder: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'test')))
    .map((name) => join(dir, name));
}

const config: Config = {
  // `scripts` holds the repository's own checks (workspace graph, package manifests) in scripts/test.
  projects: [...projectsUnder('packages'), ...projectsUnder('examples'), ...(existsSync(join(root, 'scripts/test')) ? [join(root, 'scripts')] : [])].map(
    (rootDir) => ({
      ...shared,
      rootDir,
      displayName: rootDir.slice(root.length + 1),
    }),
  ),
  testTimeout: 20_000,
};

export default config;
