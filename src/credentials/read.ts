import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname } from 'node:path';
import { failureError, type FailureVars } from './failures.js';
import { copyFromLaptopCommand, showPath, type PathContext } from './paths.js';

/** The context a credentials file is read in: where the student stands, and their client id if known. */
export interface ReadContext extends Partial<PathContext> {
  clientId?: string | undefined;
}

/** Fills in the values every file failure may mention: the file, its folder, the `scp` to copy it again. */
export function fileVars(path: string, context: ReadContext = {}): FailureVars {
  const ctx: PathContext = { cwd: context.cwd ?? process.cwd(), home: context.home ?? homedir() };
  return {
    file: showPath(path, ctx),
    authDir: showPath(dirname(path), ctx),
    copy: copyFromLaptopCommand(dirname(path), context.clientId, basename(path)),
  };
}

/**
 * Reads a credentials file, turning "missing", "a folder" and "not readable"
 * into the known failures with their fixes.
 *
 * @example
 *   const bytes = await readCredentialFile('/home/ubuntu/repo/auth/ca.crt');
 */
export async function readCredentialFile(path: string, context: ReadContext = {}): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') throw failureError('file-missing', fileVars(path, context));
    if (code === 'EISDIR') throw failureError('ca-not-certificate', { ...fileVars(path, context), caPath: fileVars(path, context).file as string, kind: 'a folder' });
    throw failureError('file-unreadable', { ...fileVars(path, context), code });
  }
}
