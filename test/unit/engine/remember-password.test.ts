/**
 * The password asked inside the tutor when the credentials folder has no
 * password.txt: hidden, checked against the real keystore, offered to be saved
 * (0600), and asked only once per run.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rememberPassword } from '../../../src/engine/remember-password.js';
import { Cancelled } from '../../../src/errors.js';
import { PASSWORD, tempDir, writeCredentials } from '../credentials/fixtures.js';
import { KEYS, scriptTerminal } from '../../support/terminal-script.js';

function setUp() {
  const cwd = tempDir('kt-remember-');
  const creds = writeCredentials(join(cwd, 'auth'), { passwordFile: false });
  const script = scriptTerminal();
  const ask = rememberPassword(script.terminal, { cwd, home: '/nonexistent-home' });
  return { creds, script, ask, passwordFile: join(creds.dir, 'password.txt') };
}

describe('the password the tutor asks for', () => {
  it('says a wrong one does not open the keystore and asks again, offers to save the right one with mode 600, then never asks again', async () => {
    const { creds, script, ask, passwordFile } = setUp();
    const first = ask(creds.keystorePath);
    await script.waitFor('There is no password.txt beside auth/kafka.keystore.pkcs12, so kafka-tutor needs the keystore\'s password');
    await script.waitFor('Password of auth/kafka.keystore.pkcs12');
    script.type('wrong-guess');
    await script.waitFor('That password does not open auth/kafka.keystore.pkcs12.');
    await script.waitFor('Type the password of auth/kafka.keystore.pkcs12 again (Ctrl-C leaves; your progress is saved)');
    script.type(PASSWORD);
    await script.waitFor('Save it in auth/password.txt (only you can read it), so that kafka-tutor does not ask next time?');
    script.press(KEYS.enter); // Yes, the default
    await script.waitFor('Saved in auth/password.txt, readable only by you (mode 600).');
    expect(await first).toBe(PASSWORD);
    expect(readFileSync(passwordFile, 'utf8')).toBe(`${PASSWORD}\n`);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    // Hidden: neither the wrong nor the right password ever reached the screen.
    expect(script.screen()).not.toContain('wrong-guess');
    expect(script.screen()).not.toContain(PASSWORD);

    const shown = script.screen().length;
    expect(await ask(creds.keystorePath)).toBe(PASSWORD);
    expect(script.screen().length).toBe(shown);
  });

  it('keeps the password only in memory when the student says no to saving', async () => {
    const { creds, script, ask, passwordFile } = setUp();
    const first = ask(creds.keystorePath);
    await script.waitFor('Password of');
    script.press(KEYS.enter);
    await script.waitFor('Type the password you were given with your credentials (Ctrl-C leaves; your progress is saved).');
    script.type(PASSWORD);
    await script.waitFor('so that kafka-tutor does not ask next time?');
    script.press(KEYS.right, KEYS.enter); // No
    await script.waitFor('Not saved: kafka-tutor keeps it until you quit, and asks again next time.');
    expect(await first).toBe(PASSWORD);
    expect(existsSync(passwordFile)).toBe(false);
    expect(await ask(creds.keystorePath)).toBe(PASSWORD);
  });

  it('does not overwrite a password.txt that appeared meanwhile, and says it could not save', async () => {
    const { creds, script, ask, passwordFile } = setUp();
    const first = ask(creds.keystorePath);
    await script.waitFor('Password of');
    writeFileSync(passwordFile, 'theirs\n');
    script.type(PASSWORD);
    await script.waitFor('so that kafka-tutor does not ask next time?');
    script.press(KEYS.enter);
    await script.waitFor('Could not save auth/password.txt (EEXIST); kafka-tutor keeps the password until you quit, and asks again next time.');
    expect(await first).toBe(PASSWORD);
    expect(readFileSync(passwordFile, 'utf8')).toBe('theirs\n');
  });

  it('lets the student leave with Ctrl-C', async () => {
    const { creds, script, ask } = setUp();
    const first = ask(creds.keystorePath);
    await script.waitFor('Password of');
    script.press(KEYS.ctrlC);
    await expect(first).rejects.toBeInstanceOf(Cancelled);
  });
});
