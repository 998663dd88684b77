#!/usr/bin/env node
// Piped produce against kcat on the same broker (issue 12: kafka-tutor at least 0.5× kcat's messages
// per second), then `produce --json` (one `sent` event, with its own offset, per line) and the lesson's
// latency from a line written to produce to the consumer printing it (one line every 200 ms).
// Each run writes to a fresh one-partition topic of the student's; the messages that arrived are counted
// from the broker's end offsets. CPU is the child's user + system time (Linux: /proc/self/stat).
// Starts the sandbox (1 broker, on $KAFKA_TUTOR_SANDBOX_PORT) when it is not running; installs kcat when missing.
// Usage: npm run build && node bench/produce.mjs [rounds=3] [lines=200000] [clientN=client1]
// Prints numbers only; nothing here asserts a time.
import { spawn, spawnSync } from 'node:child_process';
import { openSync, closeSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSandboxState, isSandboxRunning } from '../dist/sandbox/state.js';
import { benchTopics } from './bench-topics.mjs';
import { ensureKcat, kcatConfigFor, kcatVersion } from './kcat.mjs';
import { measureLatency } from './produce-latency.mjs';
import { envNote, machineDiffers, vmEnv } from './vm-env.mjs';

const rounds = Number(process.argv[2] ?? 3);
const lineCount = Number(process.argv[3] ?? 200_000);
const clientId = process.argv[4] ?? 'client1';
const bin = fileURLToPath(new URL('../bin/kafka-tutor.js', import.meta.url));

const kcat = ensureKcat();
let state = await readSandboxState();
if (!state || !(await isSandboxRunning(state))) {
  console.log(`Starting the sandbox (port ${process.env.KAFKA_TUTOR_SANDBOX_PORT ?? 'default'}) …`);
  const started = spawnSync(process.execPath, [bin, 'sandbox', 'start'], { stdio: 'inherit' });
  state = await readSandboxState();
  if (started.status !== 0 || !state) throw new Error('The sandbox did not start.');
}
const student = state.students.find((s) => s.clientId === clientId);
if (!student) throw new Error(`The sandbox has no student ${clientId}.`);
const env = { ...vmEnv(), KAFKA_TUTOR_BOOTSTRAP: state.bootstrap, KAFKA_TUTOR_AUTH: student.dir, KAFKA_TUTOR_CLIENT_ID: '' };

const benchTopicsOf = await benchTopics(state, clientId);
const { topics } = benchTopicsOf;
const createTopic = () => benchTopicsOf.create();
const endOffset = benchTopicsOf.endOffset;

/** CPU seconds of this process's waited-for children so far (cutime + cstime, at 100 ticks a second). */
const childCpu = () => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
};

const input = join(tmpdir(), `kafka-tutor-bench-${process.pid}.txt`);
const values = Array.from({ length: lineCount }, (_, i) => `line ${i + 1}`);
writeFileSync(input, `${values.join('\n')}\n`);

/** Runs `command args` with the input file as stdin; resolves with wall and CPU seconds, messages that arrived, and stdout when kept. */
async function run(command, args, topic, keepStdout, runEnv = env) {
  const before = await endOffset(topic);
  const stdin = openSync(input, 'r');
  const cpuBefore = childCpu();
  const started = performance.now();
  const child = spawn(command, args, { env: runEnv, stdio: [stdin, 'pipe', 'pipe'] });
  closeSync(stdin);
  const chunks = [];
  let stderr = '';
  child.stdout.on('data', (chunk) => keepStdout && chunks.push(chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  const wall = (performance.now() - started) / 1000;
  const cpu = childCpu() - cpuBefore;
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').at(-1)}`);
  const arrived = (await endOffset(topic)) - before;
  return { wall, cpu, arrived, rate: arrived / wall, stdout: Buffer.concat(chunks).toString('utf8') };
}

/** True when the `sent` events carry every line once, in order, with consecutive offsets from the first. */
function offsetsKept(stdout) {
  const sent = stdout.split('\n').filter((line) => line.includes('"type":"sent"')).map((line) => JSON.parse(line));
  if (sent.length !== values.length) return `${sent.length} sent events for ${values.length} lines`;
  const first = sent[0].offset;
  const bad = sent.findIndex((e, i) => e.offset !== first + i || e.value !== values[i]);
  return bad === -1 ? 'yes' : `no (event ${bad}: ${JSON.stringify(sent[bad])})`;
}

// Before issue 12's work (one request of at most 500 lines in flight, kafkajs encoding each message), on this
// machine: issue 12 measured 5.0–5.4 s against kcat's 0.49–0.65 s (about 0.1x); this bench, at load average 4–11,
// 0.13x (7.4 s CPU against kcat's 0.27 s), --json 0.10x (7.6 s CPU), latency median 9 ms, p95 16 ms.
const EARLIER = { piped: '0.1x kcat, 7.4 s CPU', json: '0.10x kcat, 7.6 s CPU', latency: 'median 9 ms, p95 16 ms' };

const fmt = (r) => `${Math.round(r.rate).toLocaleString('en-US')} msgs/s (${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU, ${r.arrived} arrived)`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const config = await kcatConfigFor(student, state.caPath);
try {
  console.log(`produce: ${rounds} round(s) of ${lineCount.toLocaleString('en-US')} piped lines, student ${clientId}, ${state.brokers.length} broker(s), Kafka ${state.kafkaVersion}; ${kcatVersion()}; load average ${load()}`);
  console.log(envNote());
  const results = { kcat: [], tutor: [], json: [], here: [] };
  for (let i = 1; i <= rounds; i++) {
    const k = await run(kcat, ['-F', config.path, '-b', state.bootstrap, '-P', '-t', await createTopic()], topics.at(-1), false);
    const t = await run(process.execPath, [bin, 'produce', await createTopic()], topics.at(-1), false);
    const j = await run(process.execPath, [bin, 'produce', await createTopic(), '--json'], topics.at(-1), true);
    results.kcat.push(k);
    results.tutor.push(t);
    results.json.push(j);
    console.log(`round ${i}: kcat ${fmt(k)}`);
    console.log(`round ${i}: kafka-tutor produce ${fmt(t)}  ratio ${(t.rate / k.rate).toFixed(2)}x`);
    console.log(`round ${i}: kafka-tutor produce --json ${fmt(j)}  ratio ${(j.rate / k.rate).toFixed(2)}x, per-message offsets kept: ${offsetsKept(j.stdout)}`);
    if (machineDiffers) {
      const h = await run(process.execPath, [bin, 'produce', await createTopic()], topics.at(-1), false, { ...process.env, ...env });
      results.here.push(h);
      console.log(`round ${i}: kafka-tutor produce, as set up here ${fmt(h)}  ratio ${(h.rate / k.rate).toFixed(2)}x`);
    }
  }
  const rate = (rs) => median(rs.map((r) => r.rate));
  const cpu = (rs) => median(rs.map((r) => r.cpu));
  const kRate = rate(results.kcat);
  console.log(`result: piped produce ${Math.round(rate(results.tutor)).toLocaleString('en-US')} msgs/s vs kcat ${Math.round(kRate).toLocaleString('en-US')} msgs/s: ${(rate(results.tutor) / kRate).toFixed(2)}x kcat (target >= 0.5x); CPU ${cpu(results.tutor).toFixed(2)} s vs ${cpu(results.kcat).toFixed(2)} s (medians of ${rounds}); earlier ${EARLIER.piped}`);
  console.log(`result: produce --json ${Math.round(rate(results.json)).toLocaleString('en-US')} msgs/s: ${(rate(results.json) / kRate).toFixed(2)}x kcat, CPU ${cpu(results.json).toFixed(2)} s, one sent event with its offset per line; earlier ${EARLIER.json}`);
  if (machineDiffers) console.log(`result: piped produce as this machine is set up (its NODE_EXTRA_CA_CERTS read at start): ${(rate(results.here) / kRate).toFixed(2)}x kcat, CPU ${cpu(results.here).toFixed(2)} s`);
  const latency = await measureLatency({ env, topic: await createTopic(), clientId });
  console.log(`result: lesson latency, line written to produce → printed by consume: median ${latency.median.toFixed(0)} ms, p95 ${latency.p95.toFixed(0)} ms (${latency.count} lines, one every 200 ms); earlier ${EARLIER.latency}`);
  console.log(`load average after: ${load()}`);
} finally {
  await config.dispose();
  rmSync(input, { force: true });
  await benchTopicsOf.close();
}
