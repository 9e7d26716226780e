/** What a published tarball may and must contain. */
import type { PackageManifest } from '../workspace';
import type { TarballFile } from './tarball';

/** Files every tarball has besides the build. */
const ALWAYS = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];

/** The build's output: ESM, CJS, their declarations and their source maps. */
const BUILD_FILE = /^dist\/[\w.-]+\.(js|cjs|d\.ts|d\.cts|js\.map|cjs\.map)$/;

/** Never in a tarball, whatever `files` says. */
const FORBIDDEN: readonly [RegExp, string][] = [
  [/(^|\/)(test|tests|__tests__|fixtures)\//, 'a test folder'],
  [/\.(test|spec)\.[cm]?[jt]s(\.map)?$/, 'a test file'],
  [/\.tsbuildinfo$/, 'a TypeScript build-info file'],
  [/(^|\/)\.(env|npmrc)(\.|$)/, 'an environment or npm credentials file'],
  [/\.(pem|key|p12|pfx|crt)$/, 'a key or certificate file'],
  [/(^|\/)src\//, 'TypeScript sources'],
];

/** Shapes of real credentials: a tarball's text must contain none. */
const SECRET_SHAPES: readonly [RegExp, string][] = [
  [/-----BEGIN (?:RSA |EC |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/, 'a private key'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'an npm token'],
  [/\bgh[pousr]_[A-Za-z0-9]{36}\b/, 'a GitHub token'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
];

/** Paths (no leading `./`) of the files `main`, `module`, `types`, `exports` and `bin` point to. */
export function entryPaths(manifest: PackageManifest): string[] {
  const targets = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(targets) : [];
  const { main, module, types, exports, bin } = manifest;
  return [...new Set([main, module, types, ...targets(exports), ...targets(bin)].filter((path): path is string => typeof path === 'string'))].map((path) =>
    path.replace(/^\.\//, ''),
  );
}

/** Every way the tarball differs from what it should hold; empty when it is right. */
export function tarballProblems(files: readonly TarballFile[], manifest: PackageManifest): string[] {
  const problems: string[] = [];
  const paths = new Set(files.map((file) => file.path));
  const binFiles = new Set(manifest.bin === undefined ? [] : entryPaths({ name: manifest.name, bin: manifest.bin }));
  for (const required of [...ALWAYS, ...entryPaths(manifest)]) {
    if (!paths.has(required)) problems.push(`lacks ${required}`);
  }
  for (const file of files) {
    const forbidden = FORBIDDEN.find(([pattern]) => pattern.test(file.path));
    if (forbidden) problems.push(`holds ${forbidden[1]}: ${file.path}`);
    else if (!ALWAYS.includes(file.path) && !BUILD_FILE.test(file.path) && !binFiles.has(file.path)) problems.push(`holds an unexpected file: ${file.path}`);
    const text = file.bytes.toString('utf8');
    for (const [pattern, what] of SECRET_SHAPES) if (pattern.test(text)) problems.push(`${file.path} contains ${what}`);
    if (file.path.endsWith('.map')) {
      const sources = (JSON.parse(text) as { sources?: unknown }).sources;
      const bad = Array.isArray(sources)
        ? sources.filter((source) => typeof source !== 'string' || !/^\.\.\/src\/[\w./-]+$/.test(source) || /(^|\/)test\//.test(source))
        : ['(no sources)'];
      if (bad.length > 0) problems.push(`${file.path} maps files other than src/: ${bad.join(', ')}`);
    }
  }
  return problems;
}
