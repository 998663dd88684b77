import { describe, expect, it } from 'vitest';
import { newClusterId } from '../../../src/sandbox/java.js';

describe('newClusterId', () => {
  it('is 22 base64url characters and never starts with "-", which the storage tool would read as an option', () => {
    // One random id in 64 starts with '-': among 3,000 one would, almost surely, without the guard.
    const ids = Array.from({ length: 3000 }, newClusterId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
