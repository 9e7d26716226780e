/**
 * Scaffolds a provider family package: `pnpm new-provider <family> <connection> [<connection> …]`.
 * Each connection starts as an authorization-code provider (the common case), so the new package
 * passes the conformance suite at once; change its schema where the provider differs.
 *
 * The package is written under `$NEW_PROVIDER_ROOT/packages/<family>` (default: this repository's root);
 * the generator's own test sets it to a temporary directory.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { completeManifest, licenseText, seedChangelog } from './package-metadata';
import type { PackageManifest } from './workspace';

/** This repository: where core's manifest is read from. */
const repoRoot = join(__dirname, '..');
/** Where `packages/<family>` is written. */
const root = process.env.NEW_PROVIDER_ROOT ? resolve(process.env.NEW_PROVIDER_ROOT) : repoRoot;

const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (snake: string): string => camel(snake).replace(/^[a-z]/, (c) => c.toUpperCase());
const titled = (snake: string): string =>
  snake
    .split('_')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`  created ${path.slice(root.length + 1)}`);
}

function sourceFor(family: string, connections: readonly string[]): string {
  const blocks = connections.map(
    (connection) => `/** ${titled(connection)}: the one-time authorization \`code\` from the provider's mobile SDK. */
export const ${camel(connection)} = authorizationCodeProvider({
  connection: '${connection}',
  payloadKey: '${camel(connection)}Payload',
  title: '${titled(connection)}',
});

/** \`genauth-${connection.replace(/_/g, '-')}\`. */
export class ${pascal(connection)}Strategy extends defineStrategy(${camel(connection)}) {}
`,
  );
  const main =
    connections.length === 1 ? `\n/** Passport convention: the family's strategy. */\nexport { ${pascal(connections[0]!)}Strategy as Strategy };\n` : '';
  return `import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';\n\n${blocks.join('\n')}${main}`;
}

function manifestFor(family: string): string {
  const core = JSON.parse(readFileSync(join(repoRoot, 'packages/core/package.json'), 'utf8')) as Record<string, unknown>;
  const manifest = {
    name: `@passport-genauth/${family}`,
    version: '0.1.0',
    description: `Passport strategies for GenAuth mobile login with ${titled(family)}.`,
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    engines: core.engines,
    main: core.main,
    module: core.module,
    types: core.types,
    exports: core.exports,
    files: core.files,
    keywords: ['passport', 'genauth', 'authing', 'mobile', 'social-login', family],
    scripts: { build: 'tsup --config ../../tsup.config.ts' },
    dependencies: { '@passport-genauth/core': 'workspace:^' },
    devDependencies: { '@passport-genauth/testing': 'workspace:^' },
  };
  return `${JSON.stringify(completeManifest(manifest as PackageManifest, `packages/${family}`), null, 2)}\n`;
}

/** The README every provider package has, in the house section order; the generated text marks what to fill in. */
function readmeFor(family: string, connections: readonly string[]): string {
  const dashed = (connection: string): string => connection.replace(/_/g, '-');
  const first = connections[0]!;
  const sends = connections
    .map(
      (c) => `### \`${c}\`

TODO: which ${titled(family)} SDK call gives the app its one-time authorization code, posted as \`code\`. It is one-time: GenAuth exchanges it with ${titled(family)} once, and a replayed code is rejected (401).

| field | type | required | what |
|---|---|---|---|
| \`code\` | string | yes | the one-time authorization code from the ${titled(family)} SDK |
`,
    )
    .join('\n');
  const rows = connections.map((c) => `| \`${c}\` | \`${pascal(c)}Strategy\` | \`genauth-${dashed(c)}\` | \`${camel(c)}Payload\` |`).join('\n');
  return `# @passport-genauth/${family}

Passport strategies that sign in a mobile app's ${titled(family)} users through GenAuth.

## What the app sends

${sends}
Each field is read from the JSON or form body, then the query string, then a header of the same name. A missing or malformed field is answered with 400 and a message naming it, and GenAuth is not called.

## Example request

\`\`\`http
POST /auth/${dashed(first)}
content-type: application/json

{ "code": "<one-time code>" }
\`\`\`

## GenAuth console

In the GenAuth console, go to Connect identity sources, create the ${titled(family)} identity source of the mobile type, and enable it for your application. Its identifier is the strategy's \`extIdpConnidentifier\`.

## Strategies

| connection | class | strategy name | payload key |
|---|---|---|---|
${rows}

## Express example

\`\`\`ts
import express from 'express';
import passport from 'passport';
import { GenAuthClient } from '@passport-genauth/core';
import { ${pascal(first)}Strategy } from '@passport-genauth/${family}';

const genauth = new GenAuthClient({ appHost: 'https://my-app.genauth.ai', appId: process.env.GENAUTH_APP_ID!, appSecret: process.env.GENAUTH_APP_SECRET!, tokenEndpointAuthMethod: 'client_secret_basic' });
passport.use(new ${pascal(first)}Strategy({ client: genauth, extIdpConnidentifier: '${dashed(first)}' }, async (_tokens, profile) => ({ id: profile.id, name: profile.displayName })));

const app = express();
app.post('/auth/${dashed(first)}', express.json(), passport.authenticate('genauth-${dashed(first)}', { session: false }),
  (req, res) => res.json({ user: req.user, tokens: req.authInfo }));
app.listen(3000);
\`\`\`
`;
}

function main(args: readonly string[]): void {
  const [family, ...connections] = args;
  if (!family || connections.length === 0 || ![family, ...connections].every((name) => /^[a-z][a-z0-9_]*$/.test(name))) {
    console.error('usage: pnpm new-provider <family> <connection> [<connection> …]   (lower_snake_case names)');
    process.exit(2);
  }
  const dir = join(root, 'packages', family);
  if (existsSync(dir)) {
    console.error(`packages/${family} already exists`);
    process.exit(1);
  }
  console.log(`Scaffolding @passport-genauth/${family}:`);
  write(join(dir, 'package.json'), manifestFor(family));
  // Laid out as Prettier lays it out, so a generated package passes `pnpm format:check` as is.
  write(join(dir, 'tsconfig.json'), '{\n  "extends": "../../tsconfig.base.json",\n  "compilerOptions": {\n    "noEmit": true\n  },\n  "include": ["src"]\n}\n');
  write(join(dir, 'src/index.ts'), sourceFor(family, connections));
  write(
    join(dir, `test/${family}.test.ts`),
    `import { describeProvider } from '@passport-genauth/testing';\nimport * as ${camel(family)} from '../src';\n\ndescribeProvider(${camel(family)});\n// Once the emulator knows these connections, add describeEndToEnd(${camel(family)}) from the same kit:\n// it fails, rather than running nothing, for a connection the emulator does not know.\n`,
  );
  write(join(dir, 'README.md'), readmeFor(family, connections));
  write(join(dir, 'LICENSE'), licenseText());
  write(join(dir, 'CHANGELOG.md'), seedChangelog(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest));
  console.log('Next: run `npx -y pnpm@10 install`, adjust the schema in src/index.ts, then `npx jest packages/' + family + '`.');
}

main(process.argv.slice(2));
