import { defineConfig } from 'tsup';

/** The one build every library package shares: dual ESM + CJS with bundled types, run from the package folder. */
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
});
