/**
 * The child side of "no orphans". Every kafka-tutor process started by another
 * one (a lesson program, grade's `check`) is told its parent's pid and, from the
 * first line of bin/, ends itself once that parent is gone, however it died
 * (SIGKILL included, even before anything else of the child has loaded).
 * Polling the parent pid cannot race: a parent that died before the first
 * check is already gone at that check.
 */

/** The variable that carries the parent's pid to a child (set by `childEnvironment`). */
export const PARENT_PID_VAR = 'KAFKA_TUTOR_PARENT_PID';

/** How often a child looks for its parent. */
export const PARENT_POLL_MS = 500;

/** After the parent is gone, the child's own clean-up (leaving its group) gets this long. */
export const ORPHAN_EXIT_MS = 3000;

/**
 * Starts watching the parent named by KAFKA_TUTOR_PARENT_PID (does nothing without it).
 * Once the parent is gone the child is sent SIGTERM, like `docker stop`: a program leaves
 * its group, `check` stops its own programs; a child without a handler ends at once.
 * It exits after `ORPHAN_EXIT_MS` in any case. The timer never keeps a finished child alive.
 *
 * @example
 *   // bin/kafka-tutor.js, before anything else is imported:
 *   watchParent();
 */
export function watchParent(env: NodeJS.ProcessEnv = process.env): void {
  const parent = Number(env[PARENT_PID_VAR]);
  // Not inherited by anything this child starts without saying so (childEnvironment sets its own).
  delete env[PARENT_PID_VAR];
  // pid 1 (a container's init) never goes away without taking the child along.
  if (!Number.isInteger(parent) || parent <= 1) return;
  // Reparenting is immediate when the parent dies (to init or a subreaper), so ppid tells.
  if (process.ppid !== parent) process.exit(143);
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    setTimeout(() => process.exit(143), ORPHAN_EXIT_MS).unref();
    process.kill(process.pid, 'SIGTERM');
  }, PARENT_POLL_MS);
  timer.unref();
}
