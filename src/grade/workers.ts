/**
 * grade's worker processes: a few `kafka-tutor check --worker` children (about
 * one per core), each checking several students at once in contexts of their
 * own. Node start-up, imports and TLS set-up are paid once per worker instead
 * of once per student. A worker that dies costs only the students it had in
 * hand (each gets "ended without a report"); a fresh worker takes the rest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN_PATH, registerProgram, signalProcessGroup } from '../engine/process/index.js';
import type { StudentRun, StudentRunOptions } from './student.js';
import { childEnv } from './student.js';
import type { Student } from './roster.js';
import type { WorkerAnswer, WorkerJob } from './worker.js';

interface Pending {
  job: WorkerJob;
  started: number;
  resolve: (run: StudentRun) => void;
  timer?: NodeJS.Timeout;
}

interface Worker {
  child: ChildProcess;
  inHand: Map<number, Pending>;
  stderr: string;
  release: () => void;
}

export interface PoolOptions extends StudentRunOptions {
  /** How many worker processes. */
  workers: number;
  /** How many students each worker checks at once. */
  perWorker: number;
}

/** How long a worker may take to leave once its channel is closed. */
const CLOSE_GRACE_MS = 3000;

const seconds = (since: number) => Math.round(Date.now() - since) / 1000;

/**
 * Starts the pool; `check(student)` resolves with that student's run and never throws; `close()` ends every worker.
 *
 * @example
 *   const pool = startWorkers({ workers: 2, perWorker: 4, workDir, brokers, timeoutSeconds: 60, lessons: [], course });
 *   const run = await pool.check({ clientId: 'client1', credentials: '/abs/client1' });
 *   await pool.close();
 */
export function startWorkers(options: PoolOptions) {
  const queue: Pending[] = [];
  const workers: Worker[] = [];
  let nextId = 1;
  let closed = false;
  // Each lesson has its own budget inside the check; this bounds a check that hangs outright.
  const overrunMs = (options.timeoutSeconds * 4 + 30) * 1000;

  const settle = (worker: Worker | undefined, pending: Pending, run: Omit<StudentRun, 'student' | 'seconds'>) => {
    clearTimeout(pending.timer);
    worker?.inHand.delete(pending.job.id);
    pending.resolve({ student: pending.job.student, seconds: seconds(pending.started), ...run });
  };

  const spawnWorker = (): Worker => {
    const child = spawn(process.execPath, [BIN_PATH, 'check', '--worker'], {
      cwd: options.workDir,
      env: childEnv(),
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // Its own process group, so that a kill ends whatever it started.
      detached: true,
    });
    const worker: Worker = { child, inHand: new Map(), stderr: '', release: child.pid === undefined ? () => undefined : registerProgram(child.pid) };
    child.stderr?.on('data', (chunk: Buffer) => {
      if (worker.stderr.length < 10_000) worker.stderr += chunk.toString();
    });
    child.on('message', (answer: WorkerAnswer) => {
      const pending = worker.inHand.get(answer.id);
      if (!pending) return; // it overran and was answered already
      settle(worker, pending, { report: answer.report, exitCode: answer.exitCode, ...(answer.problem ? { problem: answer.problem } : {}) });
      pump();
    });
    child.on('exit', (code, signal) => {
      worker.release();
      workers.splice(workers.indexOf(worker), 1);
      const exitCode = typeof code === 'number' && code !== 0 ? code : 70;
      const firstLine = worker.stderr.split('\n').find((l) => l.trim() !== '')?.slice(0, 300);
      for (const pending of [...worker.inHand.values()]) {
        settle(worker, pending, { report: null, exitCode, problem: `The check ended without a report (exit code ${signal ?? exitCode})${firstLine ? `: ${firstLine}` : '.'}` });
      }
      pump();
    });
    child.on('error', () => undefined); // an exit follows
    workers.push(worker);
    return worker;
  };

  const send = (worker: Worker, pending: Pending) => {
    worker.inHand.set(pending.job.id, pending);
    pending.started = Date.now();
    pending.timer = setTimeout(() => settle(worker, pending, { report: null, exitCode: 70, problem: `The check did not finish within ${overrunMs / 1000} s and was stopped.` }), overrunMs);
    worker.child.send(pending.job);
  };

  function pump(): void {
    while (!closed && queue.length > 0) {
      const worker = workers.filter((w) => w.child.connected).sort((a, b) => a.inHand.size - b.inHand.size)[0];
      if (worker && worker.inHand.size < options.perWorker) send(worker, queue.shift()!);
      else if (workers.length < options.workers) spawnWorker();
      else return;
    }
  }

  return {
    check(student: Student): Promise<StudentRun> {
      return new Promise((resolve) => {
        queue.push({ job: { id: nextId++, student, brokers: options.brokers, timeoutSeconds: options.timeoutSeconds, lessons: options.lessons, course: options.course }, started: Date.now(), resolve });
        pump();
      });
    },
    /** Ends every worker: each leaves when its channel closes; one that does not (a hung check) is killed. */
    async close(): Promise<void> {
      closed = true;
      await Promise.all(
        [...workers].map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve();
              const kill = setTimeout(() => worker.child.pid !== undefined && signalProcessGroup(worker.child.pid, 'SIGKILL'), CLOSE_GRACE_MS);
              worker.child.once('exit', () => {
                clearTimeout(kill);
                // Whatever it started ends with it.
                if (worker.child.pid !== undefined) signalProcessGroup(worker.child.pid, 'SIGKILL');
                resolve();
              });
              if (worker.child.connected) worker.child.disconnect();
            }),
        ),
      );
    },
  };
}
