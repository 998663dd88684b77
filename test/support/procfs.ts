/**
 * Reading /proc (Linux) for the "no orphans" and "children's environment" tests:
 * which processes carry a marker, who a process's children are, what its
 * environment and command line hold.
 *
 * @example
 *   const marker = `KAFKAJS_TEST_RUN=${randomUUID()}`; // KAFKAJS_* reaches every kafka-tutor child
 *   await expect.poll(() => markedProcesses(marker), { timeout: 10_000 }).toEqual([]);
 */
import { readdirSync, readFileSync } from 'node:fs';

const pids = () => readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number);

function read(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'latin1');
  } catch {
    return undefined; // gone meanwhile, or not ours
  }
}

/** The NUL-separated environment a process started with (empty for a zombie). */
export const environOf = (pid: number): string[] => (read(pid, 'environ') ?? '').split('\0').filter(Boolean);

/** A process's argv, joined by spaces. */
export const cmdlineOf = (pid: number): string => (read(pid, 'cmdline') ?? '').split('\0').join(' ').trim();

/** Its state letter (R, S, Z…) and parent pid; undefined once it is gone. */
function statOf(pid: number): { state: string; ppid: number } | undefined {
  const stat = read(pid, 'stat');
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields ? { state: fields[0] ?? '', ppid: Number(fields[1]) } : undefined;
}

/** Live (not zombie) processes whose environment holds `marker` ("NAME=value"), except `except`. */
export function markedProcesses(marker: string, except: number[] = []): number[] {
  return pids().filter((pid) => !except.includes(pid) && statOf(pid)?.state !== 'Z' && environOf(pid).includes(marker));
}

/** The direct children of `pid` that are alive. */
export function childrenOf(pid: number): number[] {
  return pids().filter((child) => {
    const stat = statOf(child);
    return stat?.ppid === pid && stat.state !== 'Z';
  });
}
