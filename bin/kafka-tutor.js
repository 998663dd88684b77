#!/usr/bin/env node
// A shim: everything lives in src/ (compiled to dist/).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
