import { describe, expect, it } from 'vitest';
import { formatEvent, parseEvent, stampEvent, type ProgramEvent } from '../../../src/kafka/events.js';

const time = '2026-11-25T09:00:00.000Z';

describe('stampEvent and parseEvent', () => {
  it('puts type and time first and reads the line back', () => {
    const event = stampEvent({ type: 'committed', topic: 'client1', partition: 0, offset: 8 }, new Date(time));
    const line = JSON.stringify(event);
    expect(line).toBe('{"type":"committed","time":"2026-11-25T09:00:00.000Z","topic":"client1","partition":0,"offset":8}');
    expect(parseEvent(line)).toEqual(event);
  });

  it('reads a backlog-skipped line (the engine shows it, check counts it)', () => {
    const line = '{"type":"backlog-skipped","time":"2026-11-25T09:00:00.000Z","topic":"client1","partition":0,"fromOffset":3,"toOffset":9,"count":6}';
    expect(parseEvent(line)).toMatchObject({ type: 'backlog-skipped', fromOffset: 3, toOffset: 9, count: 6 });
  });

  it('ignores lines that are not events', () => {
    expect(parseEvent('hello')).toBeUndefined();
    expect(parseEvent('{"type":"nonsense"}')).toBeUndefined();
    expect(parseEvent('{broken')).toBeUndefined();
  });
});

describe('formatEvent', () => {
  it('prints the lines a student reads', () => {
    const facts = { topic: 'client1', partition: 0, offset: 7, value: 'hello' };
    const events: ProgramEvent[] = [
      { type: 'assigned', time, group: 'simple_consumer', partitions: [{ topic: 'client1', partition: 0 }] },
      { type: 'message', time, ...facts },
      { type: 'storing-started', time, ...facts },
      { type: 'storing-ended', time, ...facts },
      { type: 'committed', time, topic: 'client1', partition: 0, offset: 8 },
      { type: 'backlog-skipped', time, topic: 'client1', partition: 0, fromOffset: 3, toOffset: 1_440_233, count: 1_440_230 },
      { type: 'sent', time, ...facts },
      { type: 'error', time, code: 'x', message: 'Something is wrong.', fix: 'do this' },
      { type: 'stopped', time, signal: 'SIGTERM' },
      { type: 'stopped', time, signal: 'eof' },
    ];
    expect(events.map(formatEvent)).toMatchInlineSnapshot(`
      [
        "Assigned partitions: client1[0]   (group simple_consumer)",
        "hello   (client1[0]@7)",
        "Start storing client1[0]@7",
        "End storing client1[0]@7",
        "Message committed: the group's next offset on client1[0] is 8",
        "… 1,440,230 more old messages …   (client1[0]@3–1440232 not printed)",
        "sent client1[0]@7: hello",
        "Something is wrong.
        Fix: do this",
        "Stopped (SIGTERM).",
        "Done: end of input.",
      ]
    `);
  });
});
