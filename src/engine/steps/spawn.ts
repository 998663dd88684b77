import type { Context } from '../context.js';
import { ensureGroup } from '../groups.js';
import type { SpawnStep } from '../types.js';
import { CONTINUE, type StepOutcome } from './outcome.js';

const ASSIGN_TIMEOUT_MS = 30_000;

/** The program's arguments: the lesson's choices, `--json` for the engine, the cluster flags. */
export function programArgs(step: SpawnStep, topic: string, group: string | undefined, clusterArgs: string[]): string[] {
  const args = step.program === 'consume-commit' ? [topic, group ?? ''] : [topic];
  if (step.program === 'consume' && group) args.push('--group', group);
  if (step.from) args.push('--from', step.from);
  if (step.storeMs !== undefined) args.push('--store-ms', String(step.storeMs));
  return [...args, '--json', ...clusterArgs];
}

/** Starts a program in the background and waits until the group assigns it its partitions. */
export async function runSpawn(
  step: SpawnStep,
  ctx: Pick<Context, 'lesson' | 'terminal' | 'kafka' | 'programs' | 'progress' | 'run' | 'vars' | 'programArgs' | 'programEnv' | 'signal'>,
): Promise<StepOutcome> {
  const group = step.group === undefined ? undefined : await ensureGroup(ctx, step.group, { fresh: step.fresh ?? false });
  const ranges = await ctx.kafka.offsets();
  (ctx.run.highAtSpawn[step.as] ??= []).push(Object.fromEntries(ranges.map((r) => [r.partition, r.high])));
  ctx.terminal.step(`Starting ${step.as}: kafka-tutor ${step.program} ${programArgs(step, ctx.kafka.topic, group, []).filter((a) => a !== '--json').join(' ')}`);
  ctx.programs.spawn(step.as, step.program, programArgs(step, ctx.kafka.topic, group, ctx.programArgs), { env: ctx.programEnv, group });
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
