/**
 * The process groups of the students' checks, ended when `grade` ends for any
 * reason (normal exit, Ctrl-C, SIGTERM): a detached child is not ended by
 * execa's cleanup, so grade does it itself.
 */
const groups = new Set<number>();
let installed = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

function killAll(): void {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
  groups.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/**
 * Remembers a child's process group until `release`; installs the handlers once.
 *
 * @example
 *   const release = trackGroup(child.pid);
 *   await child;
 *   release();
 */
export function trackGroup(pid: number): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', killAll);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  groups.add(pid);
  return () => void groups.delete(pid);
}

/** Ends a tracked group now (a check that overran its time). */
export function endGroup(pid: number): void {
  killGroup(pid, 'SIGKILL');
  groups.delete(pid);
}
