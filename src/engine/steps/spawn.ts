import type { Context } from '../context.js';
import { ensureGroup } from '../groups.js';
import type { SpawnStep } from '../types.js';
import { CONTINUE, type StepOutcome } from './outcome.js';

const ASSIGN_TIMEOUT_MS = 30_000;

/**
 * The program's arguments: the lesson's choices and `--json` for the engine
 * (the cluster comes through the environment).
 *
 * @example
 *   programArgs({ id: 's', kind: 'spawn', as: 'c', program: 'consume', from: 'latest' }, 'client1', 'client1-g') // ['client1', '--group', 'client1-g', '--from', 'latest', '--json']
 */
export function programArgs(step: SpawnStep, topic: string, group: string | undefined): string[] {
  const args = step.program === 'consume-commit' ? [topic, group ?? ''] : [topic];
  if (step.program === 'consume' && group) args.push('--group', group);
  if (step.from) args.push('--from', step.from);
  if (step.storeMs !== undefined) args.push('--store-ms', String(step.storeMs));
  if (step.commitBeforeStore) args.push('--commit-before-store');
  if (step.all && step.program === 'consume') args.push('--all');
  return [...args, '--json'];
}

/**
 * Starts a program in the background and waits until the group assigns it its partitions.
 *
 * @example
 *   await runSpawn({ id: 'start', kind: 'spawn', as: 'consumer', program: 'consume', waitFor: 'assigned' }, ctx);
 */
export async function runSpawn(
  step: SpawnStep,
  ctx: Pick<Context, 'lesson' | 'terminal' | 'kafka' | 'programs' | 'progress' | 'run' | 'vars' | 'programEnv' | 'signal'>,
): Promise<StepOutcome> {
  const group = step.group === undefined ? undefined : await ensureGroup(ctx, step.group, { fresh: step.fresh ?? false });
  const ranges = await ctx.kafka.offsets();
  // consume defaults to latest (the course's simple consumer), consume-commit to earliest.
  ctx.run.startsFrom[step.as] = step.from ?? (step.program === 'consume-commit' ? 'earliest' : 'latest');
  (ctx.run.highAtSpawn[step.as] ??= []).push(Object.fromEntries(ranges.map((r) => [r.partition, r.high])));
  ctx.terminal.step(`Starting ${step.as}: kafka-tutor ${step.program} ${programArgs(step, ctx.kafka.topic, group).filter((a) => a !== '--json').join(' ')}`);
  ctx.programs.spawn(step.as, step.program, programArgs(step, ctx.kafka.topic, group), { env: ctx.programEnv, group });
  if (step.waitFor !== 'assigned') return CONTINUE;
  const timeoutMs = step.timeoutMs ?? ASSIGN_TIMEOUT_MS;
  const event = await ctx.programs.waitFor(step.as, (e) => e.type === 'assigned' || e.type === 'error', { timeoutMs, signal: ctx.signal });
  if (event?.type === 'assigned') return CONTINUE;
  const happened =
    event?.type === 'error' ? `it stopped with: ${event.message}` : ctx.programs.current(step.as)?.exited ? 'it exited first' : `nothing came within ${timeoutMs / 1000} s`;
  return {
    next: 'failed',
    finding: {
      ok: false,
      expected: `${step.as} to be assigned its partitions by the group`,
      happened,
      hint: event?.type === 'error' ? event.fix : 'check that the cluster is reachable: kafka-tutor doctor',
    },
  };
}
