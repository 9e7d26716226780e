/** The consumer's tsconfigs: the settings a Node app (node16) and a bundled app (bundler) use. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One tsconfig written into the consumer folder. */
export interface TypeCheckConfig {
  readonly label: string;
  readonly path: string;
}

/** Settings every consumer config shares: strict, and the published declarations checked too (no skipLibCheck). */
const common = { target: 'ES2022', strict: true, esModuleInterop: true, skipLibCheck: false, noEmit: true, types: ['node'] };

/** Writes the configs into `dir` (which holds app.cts, app.mts and app.ts) and names them. */
export function typeCheckConfigs(dir: string): TypeCheckConfig[] {
  const configs: [string, string, { module: string; moduleResolution: string; files: string[] }][] = [
    // app.mts resolves the `import` condition (.d.ts), app.cts the `require` condition (.d.cts).
    [
      'module/moduleResolution node16 (app.mts as ESM, app.cts as CJS)',
      'tsconfig.node16.json',
      { module: 'node16', moduleResolution: 'node16', files: ['app.mts', 'app.cts'] },
    ],
    ['module esnext, moduleResolution bundler (app.ts)', 'tsconfig.bundler.json', { module: 'esnext', moduleResolution: 'bundler', files: ['app.ts'] }],
  ];
  return configs.map(([label, file, { files, ...options }]) => {
    const path = join(dir, file);
    writeFileSync(path, `${JSON.stringify({ compilerOptions: { ...common, ...options }, files }, null, 2)}\n`);
    return { label, path };
  });
}
