#!/usr/bin/env node
// A shim: everything lives in src/, built into dist/bundle/ (scripts/build.mjs). The parent watch
// comes first, before the CLI loads: a child whose tutor is already gone must not start at all.
import { watchParent } from '../dist/bundle/watch-parent.js';

watchParent();
const { main } = await import('../dist/bundle/cli.js');
process.exitCode = await main(process.argv.slice(2));
