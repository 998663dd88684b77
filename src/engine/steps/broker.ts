/**
 * `stop-broker` / `start-broker`: the student stops the leader's broker of the 3-broker
 * sandbox in another terminal (`kafka-tutor sandbox stop --broker N`), later brings it back;
 * the tutor says which broker and waits, reading the cluster, until it happened. `check`
 * does the same steps with the sandbox module doing the student's part (see src/check/runner.ts).
 */
import { fillIn, type Context } from '../context.js';
import { pollCluster } from '../poll.js';
import type { ActStep } from '../types.js';
import { CONTINUE, type StepOutcome } from './outcome.js';

/** The student needs time to switch terminals and type the command. */
const STUDENT_WAIT_MS = 600_000;
/** While waiting, the command is said again this often: a student may not know the tutor is waiting for them. */
export const REMIND_EVERY_MS = 45_000;

type BrokerContext = Pick<Context, 'terminal' | 'kafka' | 'run' | 'vars' | 'sleep' | 'signal' | 'now'>;

/**
 * The broker the step acts on: the leader of the topic's first partition (`stop-broker`), or the
 * one the lesson stopped (`start-broker`); remembered in `{broker}` for the step's text.
 *
 * @example
 *   await chooseBroker(step, ctx) // 2
 */
export async function chooseBroker(step: ActStep, ctx: Pick<Context, 'kafka' | 'run' | 'vars'>): Promise<number | undefined> {
  if (step.action === 'start-broker') return ctx.run.brokerStopped?.nodeId;
  const partitions = await ctx.kafka.replicas();
  const leader = partitions[0]?.leader ?? undefined;
  if (leader === undefined) return undefined;
  ctx.run.brokerStopped = { nodeId: leader, leaders: Object.fromEntries(partitions.map((p) => [p.partition, p.leader])) };
  ctx.vars.broker = String(leader);
  return leader;
}

/**
 * Waits, reading the cluster's metadata, until broker `nodeId` is gone from it (`down`) or back in it.
 *
 * @example
 *   await waitForBroker(ctx, 2, 'down', 60_000) // undefined when it happened, else what was seen
 */
export async function waitForBroker(
  ctx: Pick<Context, 'kafka' | 'sleep' | 'signal' | 'now'>,
  nodeId: number,
  want: 'down' | 'up',
  timeoutMs: number,
  onWaited: (ms: number) => void = () => undefined,
): Promise<string | undefined> {
  const started = ctx.now();
  const read = () => {
    onWaited(ctx.now() - started);
    return ctx.kafka.brokers();
  };
  const { ok, value } = await pollCluster(ctx, read, (ids) => ids.includes(nodeId) === (want === 'up'), timeoutMs);
  if (ok) return undefined;
  return value === undefined ? 'the cluster could not be read' : `the cluster still lists brokers ${value.join(', ')} after ${Math.round(timeoutMs / 1000)} s`;
}

/**
 * Runs a `stop-broker` / `start-broker` step in the tutor: shows the command, waits until it happened.
 *
 * @example
 *   await runBrokerAct({ id: 'stop-leader', kind: 'act', action: 'stop-broker', prompt: 'Run: kafka-tutor sandbox stop --broker {broker}' }, ctx);
 */
export async function runBrokerAct(step: ActStep, ctx: BrokerContext, act?: (nodeId: number) => Promise<void>): Promise<StepOutcome> {
  const nodeId = await chooseBroker(step, ctx);
  const verb = step.action === 'stop-broker' ? 'stop' : 'start';
  if (nodeId === undefined) {
    const happened = step.action === 'stop-broker' ? `the first partition of ${ctx.kafka.topic} has no leader` : 'no broker was stopped earlier in this lesson';
    return { next: 'failed', finding: { ok: false, expected: `a broker to ${verb}`, happened, hint: 'kafka-tutor sandbox status, then start the lesson again' } };
  }
  ctx.terminal.step(fillIn(step.prompt, ctx.vars));
  if (act) await act(nodeId);
  const want = step.action === 'stop-broker' ? 'down' : 'up';
  const timeoutMs = step.timeoutMs ?? STUDENT_WAIT_MS;
  const command = `In another terminal, in this folder: kafka-tutor sandbox ${verb} --broker ${nodeId}`;
  let reminders = 0;
  const remind = (waited: number) => {
    if (waited < REMIND_EVERY_MS * (reminders + 1)) return;
    reminders = Math.floor(waited / REMIND_EVERY_MS);
    ctx.terminal.info(`Still waiting for broker ${nodeId} to ${want === 'down' ? 'stop' : 'come back'}. ${command}  (Ctrl-C leaves; your progress is saved.)`);
  };
  const missed = await waitForBroker(ctx, nodeId, want, timeoutMs, act ? undefined : remind);
  if (missed !== undefined) {
    return { next: 'failed', finding: { ok: false, expected: `broker ${nodeId} to be ${want === 'down' ? 'stopped' : 'back'}`, happened: missed, hint: command } };
  }
  ctx.terminal.info(want === 'down' ? `Broker ${nodeId} is down: the cluster no longer lists it.` : `Broker ${nodeId} is back: the cluster lists it again.`);
  return CONTINUE;
}
