import { describe, expect, it } from 'vitest';
import { FAILURES, describeFailure, failureError } from '../../../src/credentials/failures.js';

describe('the table of known failures', () => {
  it('has one sentence per failure, on one line', () => {
    for (const [id, text] of Object.entries(FAILURES)) {
      expect(text.sentence, id).toMatch(/^[^\n]+[.?]$/);
      if ('fix' in text) expect(text.fix, id).not.toBe('');
    }
  });

  it('fills the student\'s values in, and shows a value it lacks as <name>', () => {
    expect(describeFailure('auth-found-elsewhere', { authDir: 'auth', found: '~/Downloads/client45' })).toEqual({
      failureId: 'auth-found-elsewhere',
      message: 'There is no auth folder, but a credentials folder is at ~/Downloads/client45.',
      fix: 'cp -r ~/Downloads/client45 auth',
    });
    expect(describeFailure('file-empty', {}).message).toBe('<file> is empty (0 bytes): the copy did not finish.');
  });

  it('becomes a UserError whose code is the failure id', () => {
    const error = failureError('key-mismatch', { keystorePath: 'auth/kafka.keystore.pkcs12', cn: 'client45', copy: 'scp …' });
    expect(error).toMatchObject({ name: 'UserError', code: 'key-mismatch', fix: 'Copy it again from your laptop: scp …' });
  });
});
