#!/usr/bin/env node
// `npm run build`, after `tsc` has compiled src/ to dist/ (the modules scripts and benches import):
//  - dist/bundle/: the program bin/ runs, the same src/ in a few files, one per part that loads
//    on its own (`--help` never loads the lessons' engine); npm packages stay outside it;
//  - dist/vendor/: kafkajs and node-forge, one CommonJS file each (src/vendor.ts loads them).
// Node reads and compiles a few files instead of about 150 and about 200: every command starts
// faster (bench/check.mjs, bench/produce.mjs). esbuild keeps the libraries' licence comments.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', legalComments: 'eof', logLevel: 'warning' };

rmSync(new URL('dist/bundle', new URL(root, 'file:')), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts', 'watch-parent': 'src/engine/process/watch-parent.ts' },
  format: 'esm',
  splitting: true,
  packages: 'external',
  outdir: 'dist/bundle',
  chunkNames: 'chunks/[name]-[hash]',
});
for (const name of ['kafkajs', 'node-forge']) {
  await build({ ...common, entryPoints: [name], format: 'cjs', outfile: `dist/vendor/${name}.cjs` });
}
