#!/usr/bin/env node
// A shim: everything lives in src/ (compiled to dist/). The parent watch comes first,
// before the CLI loads: a child whose tutor is already gone must not start at all.
import { watchParent } from '../dist/engine/process/watch-parent.js';

watchParent();
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
