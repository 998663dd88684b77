/**
 * What each `kafka-tutor sandbox …` subcommand does and prints; the command file
 * (src/commands/sandbox.ts) only parses flags and calls these.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import chalk from 'chalk';
import { NO_TTY, UserError } from '../errors.js';
import { err, out, symbols } from '../ui/output.js';
import { startBroker, stopBroker } from './broker.js';
import { followFile, tailFile } from './logs.js';
import { sandboxDir } from './paths.js';
import { createProgress } from '../ui/progress.js';
import { resetSandbox } from './reset.js';
import { startSandbox } from './start.js';
import { formatSandboxStatus, readSandboxStatus } from './status.js';
import { stopSandbox } from './stop.js';
import { readSandboxState } from './state.js';

const statusSymbols = { up: symbols.pass, down: symbols.fail };

/**
 * `sandbox start`.
 *
 * @example
 *   await runStart({ brokers: 3, students: 4, kafkaVersion: '3.9.1' });
 */
export async function runStart(options: { brokers?: number | undefined; students?: number | undefined; partitions?: number | undefined; kafkaVersion?: string | undefined }): Promise<number> {
  const progress = await createProgress({ tty: process.stdout.isTTY === true });
  // Ctrl-C halfway through must not leave brokers behind that never became ready.
  const onInterrupt = () => {
    progress.fail('Interrupted: stopping the brokers that were starting…');
    void stopSandbox().finally(() => process.exit(130));
  };
  process.once('SIGINT', onInterrupt);
  let result;
  try {
    result = await startSandbox({ ...options, progress });
  } catch (error) {
    progress.fail('The sandbox did not start.');
    throw error;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
  // A person's start claims the sandbox: a test run that started it will no longer stop it.
  await rm(join(result.state.dir, 'started-for-tests'), { force: true });
  if (result.alreadyRunning) {
    progress.done(`The sandbox is already running.`);
  } else {
    progress.done(`Sandbox ready in ${result.seconds.toFixed(1)} s: Kafka ${result.state.kafkaVersion} at ${result.state.bootstrap}.`);
  }
  for (const line of formatSandboxStatus(await readSandboxStatus(result.state.dir), statusSymbols)) out(line);
  if (result.authFilled) out(`${symbols.info} Copied ${result.state.students[0]?.clientId}'s credentials into ${result.authFilled} (as the course expects).`);
  return 0;
}

/**
 * `sandbox start --broker N`: one stopped broker of a running sandbox comes back.
 *
 * @example
 *   await runStartBroker(2, {});
 */
export async function runStartBroker(nodeId: number, others: { brokers?: number | undefined; students?: number | undefined; kafkaVersion?: string | undefined }): Promise<number> {
  const extra = (['brokers', 'students', 'kafkaVersion'] as const).filter((k) => others[k] !== undefined);
  if (extra.length > 0) {
    throw new UserError(`--broker starts one broker of the running sandbox, so it does not go with --${extra[0] === 'kafkaVersion' ? 'kafka-version' : extra[0]}.`, {
      fix: `kafka-tutor sandbox start --broker ${nodeId}`,
      code: 'sandbox-broker-flags',
      exitCode: 2,
    });
  }
  const progress = await createProgress({ tty: process.stdout.isTTY === true });
  let change;
  try {
    change = await startBroker(nodeId, { progress: (message) => progress.step(message) });
  } catch (error) {
    progress.fail(`Broker ${nodeId} did not start.`);
    throw error;
  }
  progress.done(change.changed ? `Broker ${nodeId} is back (pid ${change.pid}); its replicas catch up and rejoin the in-sync replicas.` : `Broker ${nodeId} is already up; nothing to start.`);
  return 0;
}

/**
 * `sandbox stop --broker N`: one broker goes down, the others keep serving.
 *
 * @example
 *   await runStopBroker(2);
 */
export async function runStopBroker(nodeId: number): Promise<number> {
  const change = await stopBroker(nodeId);
  if (!change.changed) out(`Broker ${nodeId} is already stopped; nothing to stop.`);
  else out(`${symbols.pass} Stopped broker ${nodeId} (pid ${change.pid}); the other brokers keep running. Bring it back with: kafka-tutor sandbox start --broker ${nodeId}`);
  return 0;
}

/** `sandbox stop`. */
export async function runStop(): Promise<number> {
  const { stopped, killed } = await stopSandbox();
  if (stopped.length === 0) out('The sandbox is not running; nothing to stop.');
  else out(`${symbols.pass} Stopped ${stopped.length} broker process(es)${killed.length > 0 ? ` (${killed.length} had to be killed)` : ''}.`);
  return 0;
}

/** `sandbox status [--json]`: exit 0 when running, 3 when not (handy in scripts). */
export async function runStatus(options: { json: boolean }): Promise<number> {
  const status = await readSandboxStatus();
  if (options.json) out(JSON.stringify(status, null, 2));
  else for (const line of formatSandboxStatus(status, statusSymbols)) out(line);
  if (!options.json && !status.running) out(chalk.dim('Start it with: kafka-tutor sandbox start'));
  return status.running ? 0 : 3;
}

/** `sandbox logs [--follow] [--broker N] [--lines N]`. */
export async function runLogs(options: { follow: boolean; broker: number; lines: number }): Promise<number> {
  const state = await readSandboxState();
  const broker = state?.brokers.find((b) => b.nodeId === options.broker);
  if (!state || !broker) {
    throw new UserError(state ? `The sandbox has no broker ${options.broker} (it has ${state.brokers.length}).` : `There is no sandbox in ${sandboxDir()} yet.`, {
      fix: state ? 'kafka-tutor sandbox logs --broker 1' : 'kafka-tutor sandbox start',
      code: 'sandbox-no-logs',
    });
  }
  for (const line of await tailFile(broker.logFile, options.lines)) out(line);
  if (!options.follow) return 0;
  const controller = new AbortController();
  // Ctrl-C ends the follow loop; nothing else runs, so exit cleanly.
  process.once('SIGINT', () => controller.abort());
  await followFile(broker.logFile, (chunk) => process.stdout.write(chunk), controller.signal);
  return 0;
}

/** `sandbox reset [--yes]`: asks first on a terminal; without one, `--yes` is required. */
export async function runReset(options: { yes: boolean }): Promise<number> {
  const dir = sandboxDir();
  if (!options.yes) {
    if (!process.stdin.isTTY) throw NO_TTY('kafka-tutor sandbox reset --yes');
    const { askYesNo } = await import('../ui/prompts.js');
    if (!(await askYesNo(`Stop the sandbox and delete ${dir} (brokers' data, certificates, students)? The jar cache stays.`))) {
      out('Nothing deleted.');
      return 0;
    }
  }
  const { stopped, removed } = await resetSandbox(dir);
  if (removed) out(`${symbols.pass} Reset: ${stopped.length > 0 ? `stopped ${stopped.length} broker(s) and ` : ''}deleted ${dir}.`);
  else out(`There was no sandbox in ${dir}; nothing to reset.`);
  err(chalk.dim('Note: ./auth keeps whatever it holds; credentials from the old sandbox no longer work there.'));
  return 0;
}
