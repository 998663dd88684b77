import { basename, isAbsolute, relative, sep } from 'node:path';

/** Where the student stands: fix commands are written to run from `cwd`. */
export interface PathContext {
  cwd: string;
  home: string;
}

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes a word for a POSIX shell, only when it needs it.
 *
 * @example
 *   quoteShell('auth/ca.crt') // 'auth/ca.crt'
 *   quoteShell('my auth')     // "'my auth'"
 */
export function quoteShell(word: string): string {
  if (word !== '' && SAFE.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * A path as a student would type it from `cwd`, quoted for the shell:
 * relative inside the working directory, `~/…` inside home, absolute otherwise.
 *
 * @example
 *   showPath('/home/ubuntu/repo/auth', { cwd: '/home/ubuntu/repo', home: '/home/ubuntu' }) // 'auth'
 *   showPath('/home/ubuntu/Downloads/client45', ctx) // '~/Downloads/client45'
 */
export function showPath(path: string, ctx: PathContext): string {
  if (isInside(ctx.cwd, path)) return quoteShell(relative(ctx.cwd, path) || '.');
  if (isInside(ctx.home, path)) {
    const rel = relative(ctx.home, path);
    // The tilde must stay outside the quotes, or the shell does not expand it.
    return rel === '' ? '~' : `~${sep}${quoteShell(rel)}`;
  }
  return quoteShell(path);
}

/** Client ids in the course look like `client45`. */
export const CLIENT_FOLDER = /^client\d+$/i;

/**
 * The `scp` a student runs on their laptop to copy their credentials folder
 * into `authDir` on the VM (user, address and key file stay placeholders).
 *
 * @example
 *   copyFromLaptopCommand('/home/ubuntu/repo/auth', 'client45')
 *   // 'scp -r -i <your-pem-file> ~/Downloads/client45 ubuntu@<your-VM-IP>:/home/ubuntu/repo/auth'
 */
export function copyFromLaptopCommand(authDir: string, clientId: string | undefined, file?: string): string {
  const folder = clientId && CLIENT_FOLDER.test(clientId) ? clientId : '<clientNN>';
  // scp creates the destination folder as a copy of the source when it does not exist yet.
  if (file === undefined) return `scp -r -i <your-pem-file> ~/Downloads/${folder} ubuntu@<your-VM-IP>:${quoteShell(authDir)}`;
  return `scp -i <your-pem-file> ~/Downloads/${folder}/${basename(file)} ubuntu@<your-VM-IP>:${quoteShell(authDir)}/`;
}
