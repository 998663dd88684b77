import { chmod, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Secret } from '../profile/secret.js';
import { failureError } from './failures.js';
import { showPath } from './paths.js';
import { fileVars, type ReadContext } from './read.js';

/** The file an instructor (or the sandbox) hands out beside the keystore. */
export const PASSWORD_FILE = 'password.txt';

export type PasswordSource = 'env' | 'config' | 'password-file' | 'prompt';

/**
 * Where a password came from, in the words every message uses (doctor, lessons, check, config).
 *
 * @example
 *   passwordSourceWords('env', { keystorePath: 'auth/kafka.keystore.pkcs12' }) // 'KAFKA_TUTOR_PASSWORD'
 *   passwordSourceWords('password-file', { keystorePath: '/home/ana/auth/kafka.keystore.pkcs12', cwd: '/home/ana' }) // 'auth/password.txt'
 */
export function passwordSourceWords(source: PasswordSource, where: ReadContext & { keystorePath: string; configFile?: string | undefined }): string {
  const ctx = { cwd: where.cwd ?? process.cwd(), home: where.home ?? homedir() };
  switch (source) {
    case 'env': return 'KAFKA_TUTOR_PASSWORD';
    case 'config': return `ssl.keystore.password in ${where.configFile === undefined ? 'your config file' : showPath(where.configFile, ctx)}`;
    case 'password-file': return showPath(join(dirname(where.keystorePath), PASSWORD_FILE), ctx);
    case 'prompt': return 'the password prompt';
  }
}

export interface PasswordRequest extends ReadContext {
  keystorePath: string;
  /** A password the caller already has (KAFKA_TUTOR_PASSWORD or the config file), and where it came from. */
  explicit?: { value: string | Secret; source: 'env' | 'config' } | undefined;
  /** Asks with a hidden prompt; leave out when not interactive. Never argv: `ps` shows it to everyone. */
  ask?: ((keystorePath: string) => Promise<string>) | undefined;
}

/** Reads `password.txt` beside the keystore: its first line, without a byte-order mark. */
export async function readPasswordFile(keystorePath: string): Promise<string | undefined> {
  try {
    const text = await readFile(join(dirname(keystorePath), PASSWORD_FILE), 'utf8');
    const line = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    return line === '' ? undefined : line;
  } catch {
    return undefined;
  }
}

/**
 * Writes `password.txt` beside the keystore, readable only by its owner (0600),
 * where `readPasswordFile` finds it next time. Never overwrites a file already there.
 *
 * @example
 *   await savePasswordFile('auth/kafka.keystore.pkcs12', new Secret('cc2023')) // 'auth/password.txt'
 */
export async function savePasswordFile(keystorePath: string, password: Secret): Promise<string> {
  const path = join(dirname(keystorePath), PASSWORD_FILE);
  // 'wx': a file someone put there meanwhile is theirs; chmod after, whatever the umask.
  await writeFile(path, `${password.reveal()}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(path, 0o600);
  return path;
}

/**
 * Finds the keystore password: the explicit value (env or config file), then
 * `password.txt` beside the keystore, then a hidden prompt when interactive.
 *
 * @example
 *   const { password, source } = await resolvePassword({ keystorePath: 'auth/kafka.keystore.pkcs12' });
 *   source // 'password-file'
 */
export async function resolvePassword(request: PasswordRequest): Promise<{ password: Secret; source: PasswordSource }> {
  const { explicit } = request;
  const value = typeof explicit?.value === 'string' ? explicit.value : explicit?.value.reveal();
  if (explicit !== undefined && value) return { password: new Secret(value), source: explicit.source };
  const fromFile = await readPasswordFile(request.keystorePath);
  if (fromFile !== undefined) return { password: new Secret(fromFile), source: 'password-file' };
  if (request.ask) return { password: new Secret(await request.ask(request.keystorePath)), source: 'prompt' };
  const vars = fileVars(request.keystorePath, request);
  throw failureError('password-missing', { ...vars, keystorePath: vars.file as string, passwordFile: PASSWORD_FILE });
}

/**
 * A hidden prompt for the password (src/ui/prompts.ts, loaded only when asked).
 *
 * @example
 *   await resolvePassword({ keystorePath, ask: askPasswordPrompt() });
 */
export function askPasswordPrompt(streams: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } = {}) {
  return async (keystorePath: string): Promise<string> => {
    const { askHidden } = await import('../ui/prompts.js');
    return askHidden(`Password of ${keystorePath}`, (value) => (value ? undefined : 'Type the password you were given with your credentials.'), streams);
  };
}
