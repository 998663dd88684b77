/**
 * `sandbox stop`: ends exactly the broker processes this sandbox started, found through
 * state.json and the pid files (so it works after kafka-tutor itself crashed).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxDir, sandboxPaths } from './paths.js';
import { isOurBroker, readPidFile, removePidFile, terminate } from './processes.js';
import { readSandboxState, writeSandboxState } from './state.js';

/** How long a broker may take to shut down cleanly before SIGKILL. */
export const STOP_GRACE_MS = 20_000;

export interface StopResult {
  /** Pids that were running and are now gone. */
  stopped: number[];
  /** Those among them that needed SIGKILL. */
  killed: number[];
}

/**
 * Stops every broker process of the sandbox folder; a no-op when none runs.
 *
 * @example
 *   const { stopped } = await stopSandbox(); // [4242]
 */
export async function stopSandbox(dir: string = sandboxDir()): Promise<StopResult> {
  const paths = sandboxPaths(dir);
  const state = await readSandboxState(dir);
  const pidFiles = brokerIds(dir).map((nodeId) => paths.broker(nodeId).pid);
  const candidates = new Set<number>();
  for (const broker of state?.brokers ?? []) if (broker.pid !== null) candidates.add(broker.pid);
  for (const file of pidFiles) {
    const pid = await readPidFile(file);
    if (pid !== null) candidates.add(pid);
  }
  // A pid from a file is only a hint: after a reboot it may belong to anyone.
  const ours = [...candidates].filter((pid) => isOurBroker(pid, dir));
  const killed = ours.length > 0 ? await terminate(ours, STOP_GRACE_MS) : [];
  await Promise.all(pidFiles.map(removePidFile));
  if (state) await writeSandboxState({ ...state, brokers: state.brokers.map((b) => ({ ...b, pid: null })), startedAt: null });
  return { stopped: ours, killed };
}

/** The node ids that have a folder under brokers/. */
function brokerIds(dir: string): number[] {
  const brokers = join(dir, 'brokers');
  if (!existsSync(brokers)) return [];
  return readdirSync(brokers).map(Number).filter((n) => Number.isInteger(n) && n > 0);
}
