#!/usr/bin/env node
// `kafka-tutor doctor` end to end (a spawned CLI) against the running sandbox, median of 5 runs:
// - healthy: the first sandbox student's folder (target < 1.5 s);
// - a broker that accepts and never answers, alone and beside the real one, with --timeout 3
//   (target: under the configured timeout).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/kafka-tutor.js', import.meta.url));
// The sandbox the others benches use: KAFKA_TUTOR_SANDBOX, else KAFKA_TUTOR_HOME's, else this checkout's.
const SANDBOX = process.env.KAFKA_TUTOR_SANDBOX ?? (process.env.KAFKA_TUTOR_HOME ? `${process.env.KAFKA_TUTOR_HOME}/sandbox` : fileURLToPath(new URL('../.kafka-tutor/sandbox', import.meta.url)));
const RUNS = 5;
const TIMEOUT_S = 3;

function readState() {
  try {
    return JSON.parse(readFileSync(`${SANDBOX}/state.json`, 'utf8'));
  } catch {
    console.error('No sandbox state: start it first with `node bin/kafka-tutor.js sandbox start`.');
    process.exit(2);
  }
}

function runDoctor(args) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    execFile(process.execPath, [BIN, 'doctor', '--json', ...args], (error, stdout) => {
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code: error ? error.code : 0, stdout });
    });
  });
}

async function measure(label, args, expectedCode) {
  await runDoctor(args); // warm the file cache
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await runDoctor(args);
    if (run.code !== expectedCode) throw new Error(`${label}: doctor exited with ${run.code}, expected ${expectedCode}\n${run.stdout}`);
    times.push(run.ms);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)], max: times[RUNS - 1] };
}

const state = readState();
const student = state.students[0];
const silent = createServer(() => undefined); // accepts, never answers: a port a firewall swallows
await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
const silentBroker = `127.0.0.1:${silent.address().port}`;
const auth = ['--auth', student.dir];

const healthy = await measure('healthy', [...auth, '--bootstrap', state.bootstrap], 0);
const alone = await measure('unreachable', [...auth, '--bootstrap', silentBroker, '--timeout', String(TIMEOUT_S)], 1);
const beside = await measure('one of two unreachable', [...auth, '--bootstrap', `${state.bootstrap},${silentBroker}`, '--timeout', String(TIMEOUT_S)], 0);
silent.close();

const line = (label, r, target) => console.log(`${label.padEnd(34)} median ${r.median.toFixed(0)} ms, max ${r.max.toFixed(0)} ms (target < ${target} ms)`);
line('doctor, healthy:', healthy, 1500);
line(`doctor, broker silent (--timeout ${TIMEOUT_S}):`, alone, TIMEOUT_S * 1000);
line('doctor, 1 of 2 brokers silent:', beside, TIMEOUT_S * 1000);
console.log(JSON.stringify({ bench: 'doctor', healthyMs: healthy.median, unreachableMs: alone.median, oneUnreachableMs: beside.median, timeoutMs: TIMEOUT_S * 1000 }));
