/**
 * The broker processes: started detached (the sandbox outlives the command that
 * starts it, by design), remembered in pid files, and ended only when /proc says
 * the pid is still our java process for this sandbox folder.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';

/**
 * True when `pid` runs kafka.Kafka with a config from `sandboxDir` (pids get reused after a crash or reboot).
 *
 * @example
 *   isOurBroker(4242, '/home/ana/.kafka-tutor/sandbox'); // false if 4242 is now a shell
 */
export function isOurBroker(pid: number, sandboxDir: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.includes('kafka.Kafka') && cmdline.some((arg) => arg.startsWith(`${sandboxDir}/`));
  } catch {
    return false;
  }
}

/**
 * The folder of the running sandbox broker, other than `ownDir`, that listens on `port`, found
 * in the process table and its server.properties, so that a port clash names the sandbox
 * holding the port (several may run side by side on moved ports).
 *
 * @example
 *   findRunningSandbox('/tmp/b/.kafka-tutor/sandbox', 19093); // '/home/ana/course/.kafka-tutor/sandbox'
 */
export function findRunningSandbox(ownDir: string, port: number): string | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const listensOnPort = new RegExp(`^listeners=.*:${port}(,|$)`, 'm');
  for (const pid of pids) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!args.includes('kafka.Kafka')) continue;
      // Our brokers run with <sandbox>/brokers/<n>/server.properties.
      const properties = args.find((arg) => /\/brokers\/\d+\/server\.properties$/.test(arg));
      const dir = properties?.replace(/\/brokers\/\d+\/server\.properties$/, '');
      if (dir && dir !== ownDir && listensOnPort.test(readFileSync(properties!, 'utf8'))) return dir;
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return undefined;
}

/**
 * Starts a detached java process with stdout and stderr appended to `logFile`; returns its pid.
 *
 * @example
 *   const pid = spawnDetached('java', ['-cp', cp, 'kafka.Kafka', props], { logFile, cwd });
 */
export function spawnDetached(command: string, args: string[], options: { logFile: string; cwd: string; env?: NodeJS.ProcessEnv }): number {
  const fd = openSync(options.logFile, 'a');
  try {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', fd, fd] });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${command}`);
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

export async function writePidFile(file: string, pid: number): Promise<void> {
  await writeFile(file, `${pid}\n`);
}

export async function readPidFile(file: string): Promise<number | null> {
  try {
    const pid = Number.parseInt(await readFile(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export async function removePidFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** True while a process with this pid exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends SIGTERM to every pid (a clean Kafka shutdown), then SIGKILL to those still alive after `graceMs`.
 * Returns the pids that needed SIGKILL.
 *
 * @example
 *   await terminate([4242, 4243], 15_000);
 */
export async function terminate(pids: number[], graceMs: number): Promise<number[]> {
  for (const pid of pids) signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && pids.some(isAlive)) await sleep(100);
  const stubborn = pids.filter(isAlive);
  for (const pid of stubborn) signal(pid, 'SIGKILL');
  const killDeadline = Date.now() + 5000;
  while (Date.now() < killDeadline && stubborn.some(isAlive)) await sleep(50);
  return stubborn;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone: nothing to end.
  }
}
