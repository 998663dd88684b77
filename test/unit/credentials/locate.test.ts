import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateAuthDir } from '../../../src/credentials/locate.js';
import { tempDir } from './fixtures.js';

/** A home folder with a project folder in it, as on a course VM. */
function layout() {
  const home = tempDir('kt-home-');
  const cwd = join(home, 'repos', 'tutorials');
  mkdirSync(cwd, { recursive: true });
  return { home, cwd, authDir: join(cwd, 'auth') };
}

function credentialsIn(dir: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'ca.crt'), 'x');
  writeFileSync(join(dir, 'kafka.keystore.pkcs12'), 'x');
}

describe('locateAuthDir', () => {
  it('finds a clientNN folder in the working dir, its parent, home and ~/Downloads', async () => {
    const places = ['cwd', 'parent', 'home', 'downloads'] as const;
    for (const where of places) {
      const l = layout();
      const base = { cwd: l.cwd, parent: join(l.cwd, '..'), home: l.home, downloads: join(l.home, 'Downloads') }[where];
      credentialsIn(join(base, 'client45'));
      expect(await locateAuthDir(l.authDir, l), where).toEqual({ status: 'missing', found: join(base, 'client45') });
    }
  });

  it('prefers the student\'s own folder when the client id is known', async () => {
    const l = layout();
    credentialsIn(join(l.home, 'Downloads', 'client12'));
    credentialsIn(join(l.home, 'Downloads', 'client45'));
    expect(await locateAuthDir(l.authDir, { ...l, clientId: 'client45' })).toEqual({ status: 'missing', found: join(l.home, 'Downloads', 'client45') });
  });

  it('reports nothing found, a file named auth, and credentials one level too deep', async () => {
    const l = layout();
    expect(await locateAuthDir(l.authDir, l)).toEqual({ status: 'missing', found: undefined });
    writeFileSync(l.authDir, 'oops');
    expect(await locateAuthDir(l.authDir, l)).toEqual({ status: 'is-file' });

    const deep = layout();
    credentialsIn(join(deep.authDir, 'client45'));
    expect(await locateAuthDir(deep.authDir, deep)).toEqual({ status: 'too-deep', nested: join(deep.authDir, 'client45') });
    credentialsIn(deep.authDir);
    expect(await locateAuthDir(deep.authDir, deep)).toEqual({ status: 'ok' });
  });
});
