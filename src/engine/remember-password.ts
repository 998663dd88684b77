/**
 * The keystore password for one run of the tutor, when nothing on disk gives it:
 * asked once with a hidden prompt, checked against the keystore, offered to be
 * saved, and kept in memory for every later lesson and the programs they start.
 */
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { isFailure } from '../credentials/failures.js';
import { loadKeystore } from '../credentials/keystore.js';
import { PASSWORD_FILE, savePasswordFile } from '../credentials/password.js';
import { showPath, type PathContext } from '../credentials/paths.js';
import { Secret } from '../profile/secret.js';
import type { Terminal } from '../ui/terminal.js';

/** Gives the password of a keystore, asking the student when it must. */
export type AskPassword = (keystorePath: string) => Promise<string>;

const LEAVE = 'Ctrl-C leaves; your progress is saved';

/** Whether the password opens the keystore; a damaged file is not the password's fault (the checks say so). */
async function opens(keystorePath: string, password: Secret): Promise<boolean> {
  try {
    await loadKeystore(keystorePath, password);
    return true;
  } catch (error) {
    return !isFailure(error, 'keystore-wrong-password');
  }
}

async function offerToSave(terminal: Pick<Terminal, 'confirm' | 'success' | 'warn' | 'info'>, keystorePath: string, password: Secret, place: PathContext): Promise<void> {
  const file = showPath(join(dirname(keystorePath), PASSWORD_FILE), place);
  // Asked, never silent: a saved password is one more secret on the disk.
  if (!(await terminal.confirm(`Save it in ${file} (only you can read it), so that kafka-tutor does not ask next time?`, true))) {
    terminal.info('Not saved: kafka-tutor keeps it until you quit, and asks again next time.');
    return;
  }
  try {
    await savePasswordFile(keystorePath, password);
    terminal.success(`Saved in ${file}, readable only by you (mode 600).`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    terminal.warn(`Could not save ${file} (${code}); kafka-tutor keeps the password until you quit, and asks again next time.`);
  }
}

/**
 * A password prompt that remembers: the first call asks (hidden) until the answer
 * opens the keystore, then offers to save it as password.txt; later calls for the
 * same keystore return it without asking. Never written anywhere else.
 *
 * @example
 *   const askPassword = rememberPassword(terminal);
 *   await askPassword('/home/ubuntu/kafka/auth/kafka.keystore.pkcs12'); // asks
 *   await askPassword('/home/ubuntu/kafka/auth/kafka.keystore.pkcs12'); // the same, silently
 */
export function rememberPassword(
  terminal: Pick<Terminal, 'password' | 'confirm' | 'info' | 'success' | 'warn' | 'error'>,
  place: PathContext = { cwd: process.cwd(), home: homedir() },
): AskPassword {
  const known = new Map<string, Secret>();
  return async (keystorePath) => {
    const kept = known.get(keystorePath);
    if (kept) return kept.reveal();
    const shown = showPath(keystorePath, place);
    // Two short lines: clack does not wrap a log line, and a terminal breaks it mid-word.
    terminal.info(`There is no ${PASSWORD_FILE} beside ${shown}, so kafka-tutor needs the keystore's password.\nThe course staff gave it to you with your credentials. It is not shown as you type.`);
    let message = `Password of ${shown}`;
    for (;;) {
      const typed = new Secret(
        await terminal.password(message, { validate: (value) => (value === '' ? `Type the password you were given with your credentials (${LEAVE}).` : undefined) }),
      );
      if (await opens(keystorePath, typed)) {
        known.set(keystorePath, typed);
        await offerToSave(terminal, keystorePath, typed, place);
        return typed.reveal();
      }
      terminal.error(`That password does not open ${shown}.`);
      message = `Type the password of ${shown} again (${LEAVE})`;
    }
  };
}
