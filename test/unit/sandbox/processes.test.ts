import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { isAlive, terminate } from '../../../src/sandbox/processes.js';

describe('ending broker processes', () => {
  it('ends a process with SIGTERM when it listens', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const exited = once(child, 'exit');
    expect(await terminate([child.pid!], 5000)).toEqual([]);
    expect(await exited).toEqual([null, 'SIGTERM']);
  });

  it('falls back to SIGKILL after the grace period for a process that ignores SIGTERM', async () => {
    const child = spawn('sh', ['-c', 'trap "" TERM; echo ready; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    await once(child.stdout!, 'data'); // the trap is in place (and survives exec)
    const exited = once(child, 'exit');
    expect(await terminate([child.pid!], 300)).toEqual([child.pid]);
    expect(await exited).toEqual([null, 'SIGKILL']);
    expect(isAlive(child.pid!)).toBe(false);
  });
});
