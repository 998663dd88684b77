import { appendFile, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeLogSince, tailFile } from '../../../src/sandbox/logs.js';

describe('broker log summaries', () => {
  it("finds the first error of this start only, and the log's last lines", async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'kafka-tutor-log-')), 'broker.log');
    await writeFile(file, '[2026-01-01 10:00:00,000] ERROR an old failure from yesterday (kafka.Kafka)\n');
    const offset = (await stat(file)).size;
    await appendFile(file, [
      '[2026-01-02 10:00:00,000] INFO starting (kafka.Kafka)',
      '[2026-01-02 10:00:01,000] ERROR Unable to start acceptor for ListenerName(CONTROLLER) (kafka.network.DataPlaneAcceptor)',
      'org.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:19095: Address already in use.',
      '[2026-01-02 10:00:02,000] ERROR Encountered fatal fault (org.apache.kafka.server.fault.ProcessTerminatingFaultHandler)',
      '',
    ].join('\n'));
    const summary = await summarizeLogSince(file, offset, 2);
    expect(summary.firstError).toContain('Unable to start acceptor for ListenerName(CONTROLLER)');
    expect(summary.last).toEqual([
      'org.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:19095: Address already in use.',
      '[2026-01-02 10:00:02,000] ERROR Encountered fatal fault (org.apache.kafka.server.fault.ProcessTerminatingFaultHandler)',
    ]);
    expect(await tailFile(file, 1)).toEqual([summary.last[1]]);
  });

  it('is empty for a missing log', async () => {
    expect(await summarizeLogSince('/nonexistent/broker.log', 0, 5)).toEqual({ firstError: undefined, last: [] });
    expect(await tailFile('/nonexistent/broker.log', 5)).toEqual([]);
  });
});
