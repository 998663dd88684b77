/** A consumer joined its group and was assigned the topic's partitions. */
import { param, type Verification } from './types.js';

/**
 * @example
 *   await verifyAssigned(ctx, { program: 'consumer' }, 20_000) // { ok: true, happened: 'group client1-simple-… assigned it partition 0 of client1' }
 */
export const verifyAssigned: Verification = async (ctx, params, timeoutMs) => {
  const name = param(params, 'program');
  const event = await ctx.programs.waitFor(name, (e) => e.type === 'assigned' || e.type === 'error', { timeoutMs, signal: ctx.signal });
  const expected = `${name} to join its group and be assigned the partitions of ${ctx.kafka.topic}`;
  if (event?.type === 'assigned') {
    const partitions = event.partitions.map((p) => p.partition).join(', ');
    return { ok: true, expected, happened: `group ${event.group} assigned it partition${event.partitions.length === 1 ? '' : 's'} ${partitions || 'none'}` };
  }
  if (event?.type === 'error') return { ok: false, expected, happened: `it stopped with: ${event.message}`, hint: event.fix, failureId: event.code };
  return { ok: false, expected, happened: `nothing came within ${timeoutMs / 1000} s`, hint: 'check that the cluster is reachable: kafka-tutor doctor' };
};
