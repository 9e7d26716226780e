import { defineConfig } from 'tsup';
import library from '../../tsup.config';

export default defineConfig([
  library,
  // The CLI is only ever run as a binary (through bin/genauth-emulator.cjs): one CommonJS file.
  { ...library, entry: ['src/cli.ts'], format: ['cjs'], dts: false, clean: false },
]);
