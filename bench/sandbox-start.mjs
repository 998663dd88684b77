#!/usr/bin/env node
// Sandbox cold start to ready (a student produced and consumed over SSL), 1 and 3 brokers.
// Jars must be cached (run `kafka-tutor sandbox start` once). Each run uses a fresh temporary
// sandbox folder; the ports are fixed, so the shared sandbox must be stopped first.
// Targets: < 10 s with 1 broker, < 20 s with 3 (2-core machine). Prints numbers, asserts nothing.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/kafka-tutor.js', import.meta.url));

const portFree = (port) =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1' }, () => server.close(() => resolve(true)));
  });

for (const port of [19093, 19094, 19095, 29093, 39093]) {
  if (!(await portFree(port))) {
    console.error(`Port ${port} is in use (the shared sandbox?). This bench needs the fixed sandbox ports: stop it first (kafka-tutor sandbox stop), then run again.`);
    process.exit(1);
  }
}

/** Runs the CLI, printing each progress line with the seconds since the start (where the time goes). */
function startTimed(args, options, elapsed) {
  return new Promise((resolve) => {
    const child = spawn('node', [BIN, ...args], options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) if (/…$/.test(line)) console.log(`  ${elapsed().toFixed(1).padStart(5)} s  ${line}`);
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const results = [];
for (const brokers of [1, 3]) {
  const dir = mkdtempSync(join(tmpdir(), `kafka-tutor-bench-${brokers}-`));
  const env = { ...process.env, KAFKA_TUTOR_SANDBOX: join(dir, 'sandbox'), NO_COLOR: '1' };
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const run = await startTimed(['sandbox', 'start', '--brokers', String(brokers)], { cwd: dir, env }, elapsed);
  const seconds = elapsed();
  try {
    execFileSync('node', [BIN, 'sandbox', 'stop'], { cwd: dir, env, stdio: 'ignore' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (run.status !== 0) {
    console.error(`sandbox start --brokers ${brokers} failed:\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }
  const target = brokers === 1 ? 10 : 20;
  results.push({ brokers, seconds, target });
  console.log(`sandbox cold start, ${brokers} broker(s): ${seconds.toFixed(1)} s to ready (target < ${target} s)`);
}
console.log(JSON.stringify({ bench: 'sandbox-start', results }));
