import { fillIn, type Context } from '../context.js';
import type { ActStep } from '../types.js';
import { runBrokerAct } from './broker.js';
import { CONTINUE, type StepOutcome } from './outcome.js';

const ARRIVAL_GRACE_MS = 3000;
const AFTER_TIMEOUT_MS = 15_000;

/** The student types messages; the engine produces each and lets the consumer's line appear before the next prompt. */
async function typeMessages(step: ActStep, ctx: Pick<Context, 'terminal' | 'kafka' | 'programs' | 'run' | 'vars' | 'signal'>): Promise<void> {
  const min = step.min ?? 1;
  const max = step.max ?? 10;
  const sent = (ctx.run.sent[step.as ?? step.id] = [] as NonNullable<Context['run']['sent'][string]>);
  while (sent.length < max) {
    const more = sent.length >= min;
    const value = await ctx.terminal.text(fillIn(step.prompt, ctx.vars) + (more ? ' (or press Enter on an empty line to finish)' : ''), {
      placeholder: `message ${sent.length + 1}`,
      validate: (v) => (v.trim() === '' && !more ? `Type at least ${min} message(s) first.` : undefined),
    });
    if (value.trim() === '') break;
    const [message] = await ctx.kafka.produce([value]);
    if (!message) continue;
    sent.push(message);
    if (step.program) {
      const program = step.program;
      await ctx.programs.waitFor(program, (e) => e.type === 'message' && e.partition === message.partition && e.offset === message.offset, { timeoutMs: ARRIVAL_GRACE_MS, signal: ctx.signal });
    }
  }
}

/**
 * The first running program of `names` whose group assigned it a partition (its latest `assigned`), else the first.
 *
 * @example
 *   holderOf(['first', 'second'], programs) // 'second' when the group gave the partition to second
 */
export function holderOf(names: readonly string[], programs: Context['programs']): string {
  const holds = (name: string) => {
    const run = programs.current(name);
    const assigned = run && !run.exited ? run.events.filter((s) => s.event.type === 'assigned').at(-1)?.event : undefined;
    return assigned?.type === 'assigned' && assigned.partitions.length > 0;
  };
  return names.find(holds) ?? names[0] ?? '';
}

/** Stops a program: on the student's key press (`stop-key`) or at once (`stop`). */
async function stopProgram(step: ActStep, ctx: Pick<Context, 'terminal' | 'programs' | 'vars' | 'showHint' | 'signal'>): Promise<void> {
  const name = step.program ?? holderOf(step.anyOf ?? [], ctx.programs);
  // The prompt may name the member chosen: "Stopping {stopped}, which holds a partition".
  ctx.vars.stopped = name;
  const signal = step.signal ?? 'SIGTERM';
  if (step.action === 'stop-key') {
    ctx.terminal.step(`${fillIn(step.prompt, ctx.vars)}  (press any key; h for a hint)`);
    await ctx.terminal.waitForKey({ ...(step.timeoutMs === undefined ? {} : { timeoutMs: step.timeoutMs }), onHint: () => ctx.showHint() });
  } else {
    ctx.terminal.step(fillIn(step.prompt, ctx.vars));
    if (step.after) await ctx.programs.waitFor(name, (e) => e.type === step.after, { timeoutMs: AFTER_TIMEOUT_MS, signal: ctx.signal });
  }
  if (!(await ctx.programs.stop(name, signal))) return ctx.terminal.info(`${name} is not running (any more): nothing to stop.`);
  ctx.terminal.info(signal === 'SIGTERM' ? `Sent SIGTERM to ${name}, as \`docker stop\` does; it left its group and exited.` : `Sent SIGKILL to ${name}, as \`docker kill\` or a crashed machine would; it could not say goodbye to its group.`);
}

/**
 * Runs an act step: the student types messages, a program is stopped, or the tutor waits for a key.
 *
 * @example
 *   await runAct({ id: 'stop', kind: 'act', action: 'stop', program: 'latest', prompt: 'Stopping it.' }, ctx);
 */
export async function runAct(step: ActStep, ctx: Pick<Context, 'terminal' | 'kafka' | 'programs' | 'run' | 'vars' | 'signal' | 'showHint' | 'sleep' | 'now'>): Promise<StepOutcome> {
  if (step.action === 'stop-broker' || step.action === 'start-broker') return runBrokerAct(step, ctx);
  if (step.action === 'type-messages') await typeMessages(step, ctx);
  else if (step.action === 'wait-key') {
    // The student does something outside the tutor first (e.g. a copy on another machine).
    ctx.terminal.step(`${fillIn(step.prompt, ctx.vars)}  (press any key; h for a hint)`);
    await ctx.terminal.waitForKey({ onHint: () => ctx.showHint() });
  } else await stopProgram(step, ctx);
  return CONTINUE;
}
