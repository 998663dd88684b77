/**
 * `sandbox logs`: the last lines of a broker's log, and following it as it grows.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/**
 * The last `count` lines of a file (reads at most its last 256 KiB); [] when missing.
 *
 * @example
 *   (await tailFile(logFile, 20)).join('\n');
 */
export async function tailFile(file: string, count: number): Promise<string[]> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return [];
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 256 * 1024);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines.slice(-count);
  } finally {
    await handle.close();
  }
}

/**
 * Writes what gets appended to `file` until `signal` aborts (polls twice a second).
 *
 * @example
 *   await followFile(logFile, (chunk) => process.stdout.write(chunk), controller.signal);
 */
export async function followFile(file: string, write: (chunk: string) => void, signal: AbortSignal): Promise<void> {
  let position = (await stat(file).catch(() => ({ size: 0 }))).size;
  while (!signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const size = (await stat(file).catch(() => ({ size: 0 }))).size;
    if (size < position) position = 0; // truncated by a reset: start over
    if (size === position) continue;
    const end = size - 1;
    for await (const chunk of createReadStream(file, { start: position, end, encoding: 'utf8' })) write(chunk as string);
    position = size;
  }
}

/** The size of a file now (0 when missing), to read only what a later run appends. */
export async function fileSize(file: string): Promise<number> {
  return (await stat(file).catch(() => ({ size: 0 }))).size;
}

/**
 * What a broker logged since `offset`, summarised for an error message: its first ERROR
 * line (usually the cause, e.g. a port bound by someone else) and its last lines.
 *
 * @example
 *   const { firstError, last } = await summarizeLogSince(logFile, offset, 15);
 */
export async function summarizeLogSince(file: string, offset: number, count: number): Promise<{ firstError: string | undefined; last: string[] }> {
  let text = '';
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const start = Math.max(offset, size - 4 * 1024 * 1024);
      const buffer = Buffer.alloc(Math.max(0, size - start));
      await handle.read(buffer, 0, buffer.length, start);
      text = buffer.toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return { firstError: undefined, last: [] };
  }
  const lines = text.split('\n').filter((line) => line.length > 0);
  return { firstError: lines.find((line) => /\] (ERROR|FATAL) /.test(line) || /^(Error|Exception)\b/.test(line)), last: lines.slice(-count) };
}
