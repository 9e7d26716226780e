/**
 * Scaffolds a provider family package: `pnpm new-provider <family> <connection> [<connection> …]`.
 * Each connection starts as an authorization-code provider (the common case), so the new package
 * passes the conformance suite at once; change its schema where the provider differs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..');

const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (snake: string): string => camel(snake).replace(/^[a-z]/, (c) => c.toUpperCase());
const titled = (snake: string): string => snake.split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');

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
  const main = connections.length === 1 ? `\n/** Passport convention: the family's strategy. */\nexport { ${pascal(connections[0]!)}Strategy as Strategy };\n` : '';
  return `import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';\n\n${blocks.join('\n')}${main}`;
}

function manifestFor(family: string): string {
  const core = JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')) as Record<string, unknown>;
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
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function readmeFor(family: string, connections: readonly string[]): string {
  const rows = connections
    .map((c) => `| \`${c}\` | \`${pascal(c)}Strategy\` | \`genauth-${c.replace(/_/g, '-')}\` | \`code\` |`)
    .join('\n');
  const first = connections[0]!;
  return `# @passport-genauth/${family}

Passport strategies that sign a mobile app's ${titled(family)} users in through GenAuth.

| connection | class | strategy name | fields the app sends |
|---|---|---|---|
${rows}

## What the mobile app sends

\`\`\`http
POST /auth/${first.replace(/_/g, '-')}
content-type: application/json

{ "code": "<the one-time code from the ${titled(family)} SDK>" }
\`\`\`

## GenAuth console

Create a ${titled(family)} mobile identity source and use its identifier as \`extIdpConnidentifier\`.

## Example

\`\`\`ts
import express from 'express';
import passport from 'passport';
import { ${pascal(first)}Strategy } from '@passport-genauth/${family}';

passport.use(new ${pascal(first)}Strategy(
  { appHost: process.env.GENAUTH_APP_HOST!, appId: process.env.GENAUTH_APP_ID!, extIdpConnidentifier: '${first}' },
  async (tokens, profile) => ({ id: profile.id, name: profile.displayName }),
));
express().post('/auth/${first.replace(/_/g, '-')}', express.json(), passport.authenticate('genauth-${first.replace(/_/g, '-')}', { session: false }),
  (req, res) => res.json({ user: req.user, tokens: req.authInfo }));
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
  write(join(dir, 'tsconfig.json'), `${JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { noEmit: true }, include: ['src'] }, null, 2)}\n`);
  write(join(dir, 'src/index.ts'), sourceFor(family, connections));
  write(
    join(dir, `test/${family}.test.ts`),
    `import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';\nimport * as ${camel(family)} from '../src';\n\ndescribeProvider(${camel(family)});\ndescribeEndToEnd(${camel(family)});\n`,
  );
  write(join(dir, 'README.md'), readmeFor(family, connections));
  console.log('Next: run `npx -y pnpm@10 install`, adjust the schema in src/index.ts, then `npx jest packages/' + family + '`.');
}

main(process.argv.slice(2));
