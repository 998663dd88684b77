import { describe, expect, it } from 'vitest';
import { programArgs } from '../../../src/engine/steps/spawn.js';
import { parseProgramArgs } from '../../../src/kafka/programs/args.js';

describe('parseProgramArgs', () => {
  it('reads what the engine passes a consumer, with the command defaults for the rest', () => {
    const args = programArgs({ id: 's', kind: 'spawn', as: 'c', program: 'consume', from: 'earliest' }, 'client1', 'client1-g');
    expect(parseProgramArgs('consume', args)).toEqual({ kind: 'consume', options: { topic: 'client1', group: 'client1-g', from: 'earliest', json: true, sessionTimeoutMs: 10_000, all: false } });
    expect(parseProgramArgs('consume', ['client1']).options).toMatchObject({ group: 'simple_consumer', from: 'latest', json: false });
  });

  it('reads consume-commit with its two positionals and --store-ms', () => {
    const args = programArgs({ id: 's', kind: 'spawn', as: 'c', program: 'consume-commit', storeMs: 1000 }, 'client1', 'client1-commit');
    expect(parseProgramArgs('consume-commit', args)).toEqual({ kind: 'consume-commit', options: { topic: 'client1', group: 'client1-commit', from: 'earliest', storeMs: 1000, commitBeforeStore: false, json: true, sessionTimeoutMs: 10_000 } });
  });

  it('passes commitBeforeStore on as --commit-before-store, and reads it back', () => {
    const args = programArgs({ id: 's', kind: 'spawn', as: 'c', program: 'consume-commit', storeMs: 3000, commitBeforeStore: true }, 'client1', 'client1-first');
    expect(args).toEqual(['client1', 'client1-first', '--store-ms', '3000', '--commit-before-store', '--json']);
    expect(parseProgramArgs('consume-commit', args).options).toMatchObject({ storeMs: 3000, commitBeforeStore: true });
    expect(() => parseProgramArgs('consume', ['client1', '--commit-before-store'])).toThrow(/Unknown option '--commit-before-store'/);
  });

  it('refuses what the command refuses, in one sentence', () => {
    expect(() => parseProgramArgs('consume-commit', ['client1'])).toThrow('consume-commit takes <topic> and <group>, but got 1 argument.');
    expect(() => parseProgramArgs('consume', ['client1', '--store-ms', '5'])).toThrow(/Unknown option '--store-ms'/);
    expect(() => parseProgramArgs('consume-commit', ['client1', 'g', '--store-ms', '3s'])).toThrow('--store-ms takes a whole number of milliseconds, e.g. 3000, not "3s".');
    expect(() => parseProgramArgs('produce', ['client1', '--bootstrap', 'x:1'])).toThrow(/Unknown option '--bootstrap'/);
  });
});
