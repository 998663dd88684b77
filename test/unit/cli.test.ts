import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCli, main } from '../../src/cli.js';

function captureStderr(): { text: () => string } {
  const chunks: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return { text: () => chunks.join('') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the command line', () => {
  it('suggests the closest command for a typo, on one line, with exit code 2', async () => {
    const stderr = captureStderr();
    const code = await main(['confg']);
    expect(code).toBe(2);
    expect(stderr.text()).toBe("error: unknown command 'confg' (did you mean config?)\n");
  });

  it('suggests the closest flag for a typo', async () => {
    const stderr = captureStderr();
    const code = await main(['config', '--bootstrp', '127.0.0.1:19093']);
    expect(code).toBe(2);
    expect(stderr.text()).toContain("unknown option '--bootstrp' (did you mean --bootstrap?)");
  });

  it('gives every command its own --help', () => {
    const { program } = createCli();
    const names = program.commands.map((c) => c.name());
    expect(names).toContain('config');
    for (const command of program.commands) {
      expect(command.description(), `${command.name()} has a description`).not.toBe('');
      expect(command.helpInformation()).toContain(`Usage: kafka-tutor ${command.name()}`);
    }
  });

  it('never offers a flag that would put a password in argv', () => {
    const { program } = createCli();
    const all = [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)];
    for (const command of all) {
      // A flag may name the variable a password is in (`--password-from-env VAR`), never take one.
      for (const option of command.options) expect((option.long ?? '').replace(/^--password-from-env$/, '')).not.toMatch(/pass/i);
    }
  });
});
