import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askPasswordPrompt } from '../../../src/credentials/password.js';

/** A fake terminal: keys go in, the prompt's drawing comes out. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: false, setRawMode: () => undefined });
  const output = Object.assign(new PassThrough(), { columns: 80, rows: 24, isTTY: false });
  let drawn = '';
  output.on('data', (chunk: Buffer) => (drawn += chunk.toString()));
  return { input, output, drawn: () => drawn };
}

describe('the hidden password prompt', () => {
  it('returns what was typed and never draws it', async () => {
    const terminal = fakeTerminal();
    const answer = askPasswordPrompt({ input: terminal.input, output: terminal.output })('auth/kafka.keystore.pkcs12');
    setTimeout(() => terminal.input.write('s3cret\r'), 50);
    expect(await answer).toBe('s3cret');
    expect(terminal.drawn()).toContain('Password of auth/kafka.keystore.pkcs12');
    expect(terminal.drawn()).not.toContain('s3cret');
  });

  it('treats Ctrl-C as a cancellation, not an error', async () => {
    const terminal = fakeTerminal();
    const answer = askPasswordPrompt({ input: terminal.input, output: terminal.output })('auth/kafka.keystore.pkcs12');
    setTimeout(() => terminal.input.write('\x03'), 50);
    await expect(answer).rejects.toMatchObject({ name: 'Cancelled' });
  });
});
