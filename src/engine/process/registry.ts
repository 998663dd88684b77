/**
 * Every lesson program still running, so that none outlives the tutor: on
 * exit (including a crash) and on SIGINT/SIGTERM each one's process group is
 * sent SIGTERM, which makes it leave its consumer group cleanly. A tutor
 * killed with SIGKILL cannot run this; the programs then see their parent
 * gone and stop themselves (watch-parent.ts).
 */

const live = new Set<number>();
let installed = false;

/**
 * Sends `signal` to a child's whole process group (every child is spawned detached, as a group leader).
 *
 * @example
 *   signalProcessGroup(child.pid, 'SIGKILL'); // a grade child that overran its time
 */
export function signalProcessGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The whole group is gone. Never fall back to the pid alone: a leader that is gone (and
    // reaped) may have handed its pid to some unrelated process by now (pids wrap at 32768).
  }
}

/**
 * Stops every live program now (synchronously: this also runs in the 'exit' handler).
 *
 * @example
 *   stopAllPrograms('SIGKILL');
 */
export function stopAllPrograms(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const pid of live) signalProcessGroup(pid, signal);
}

function onSignal(signal: NodeJS.Signals): void {
  stopAllPrograms('SIGTERM');
  // Keep the default behaviour (exit) unless someone else handles the signal, e.g. the prompt library.
  if (process.listenerCount(signal) === 1) {
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => stopAllPrograms('SIGTERM'));
  // The monitor variant observes a crash without changing how Node reports it.
  process.on('uncaughtExceptionMonitor', () => stopAllPrograms('SIGTERM'));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
}

/**
 * Registers a started program; returns the function that forgets it once it exited.
 *
 * @example
 *   const forget = registerProgram(child.pid);
 *   child.on('exit', forget);
 */
export function registerProgram(pid: number): () => void {
  install();
  live.add(pid);
  return () => void live.delete(pid);
}

/** How many programs are running (tests assert that a flow left none behind). */
export function liveProgramCount(): number {
  return live.size;
}
