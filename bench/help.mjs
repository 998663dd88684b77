#!/usr/bin/env node
// `kafka-tutor --help` against bare `node -e 0`, median of 10 runs each (after a warm-up).
// Target: under 2x bare Node, i.e. no heavy import (kafkajs, prompts) on the help path.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/kafka-tutor.js', import.meta.url));
const RUNS = 10;

function medianMs(args) {
  spawnSync(process.execPath, args, { stdio: 'ignore' }); // warm the file cache
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2;
}

const bare = medianMs(['-e', '0']);
const help = medianMs([BIN, '--help']);
const ratio = help / bare;
console.log(`node -e 0:          ${bare.toFixed(0)} ms (median of ${RUNS})`);
console.log(`kafka-tutor --help: ${help.toFixed(0)} ms (median of ${RUNS})`);
console.log(`ratio: ${ratio.toFixed(2)}x (target < 2x)`);
console.log(JSON.stringify({ bench: 'help', bareMs: bare, helpMs: help, ratio }));
