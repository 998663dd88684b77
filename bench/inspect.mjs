#!/usr/bin/env node
// `kafka-tutor inspect` against the running sandbox, median of 5 runs:
// - the spawned CLI (`inspect --json`, the first sandbox student's own topic), end to end;
// - renderTopicPicture alone on a 100 000-message log with 20 groups (built dist/), per call.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/kafka-tutor.js', import.meta.url));
const RUNS = 5;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function runInspect() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    execFile(process.execPath, [BIN, 'inspect', '--json'], (error, stdout, stderr) => {
      if (error) reject(new Error(`inspect failed (is the sandbox running?): ${stderr}`));
      else resolve(Number(process.hrtime.bigint() - started) / 1e6);
    });
  });
}

await runInspect(); // warm the file cache
const cli = [];
for (let i = 0; i < RUNS; i++) cli.push(await runInspect());
console.log(`inspect --json (spawned CLI, sandbox): median ${median(cli).toFixed(0)} ms, max ${Math.max(...cli).toFixed(0)} ms`);

const { renderTopicPicture } = await import('../dist/inspect/render.js');
const logEnd = 100_000;
const groups = Array.from({ length: 20 }, (_, i) => ({
  groupId: `client1-g${i}`,
  state: 'stable',
  members: 1,
  positions: [{ partition: 0, committed: i * 5000, lag: logEnd - i * 5000 }],
}));
const picture = { topic: 'client1', partitions: [{ partition: 0, logStart: 0, logEnd }], groups };
const render = [];
for (let i = 0; i < RUNS; i++) {
  const started = process.hrtime.bigint();
  renderTopicPicture(picture, { width: 120, color: true });
  render.push(Number(process.hrtime.bigint() - started) / 1e6);
}
console.log(`renderTopicPicture (100 000 offsets, 20 groups, width 120): median ${median(render).toFixed(1)} ms`);
