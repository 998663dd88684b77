/**
 * What a lesson needs of the cluster beyond a working profile (`"requires"` in lesson.json).
 * One today: `sandbox-3-brokers`, a lesson that stops a broker may run only on kafka-tutor's
 * own 3-broker sandbox, never on a shared course cluster. The tutor says why a lesson cannot
 * run; `check` reports its tests as skipped with the same sentence.
 */
import { isSandboxRunning, readSandboxState, type SandboxState } from '../sandbox/state.js';
import type { Lesson, Requirement } from './types.js';

export const REQUIREMENTS: readonly Requirement[] = ['sandbox-3-brokers'];

/** Why the lesson cannot run here, and what gets a cluster where it can. */
export interface UnmetRequirement {
  message: string;
  fix: string;
}

const START_THREE = 'kafka-tutor sandbox start --brokers 3';

/** The sandbox the profile connects to: its client listeners include one of the profile's brokers. */
const servesProfile = (state: SandboxState, brokers: string[]) => state.bootstrap.split(',').some((address) => brokers.includes(address));

/** The sentence when the sandbox-3-brokers requirement does not hold, else undefined. */
async function sandboxThreeBrokers(brokers: string[]): Promise<UnmetRequirement | undefined> {
  const state = await readSandboxState().catch(() => null);
  if (!state || !isSandboxRunning(state) || !servesProfile(state, brokers)) {
    return {
      message: `This lesson stops a Kafka broker and starts it again, which you may do only on kafka-tutor's own sandbox with 3 brokers, and your cluster (${brokers.join(', ')}) is not one.`,
      fix: `${START_THREE}   (then run the lesson where no kafka-tutor.properties or --bootstrap points elsewhere)`,
    };
  }
  if (state.brokers.length < 3) {
    return {
      message: `This lesson stops a Kafka broker and watches another take over, and your sandbox runs ${state.brokers.length} broker${state.brokers.length === 1 ? '' : 's'}: there is nothing to take over.`,
      fix: `kafka-tutor sandbox reset --yes && ${START_THREE}   (a new sandbox: new credentials, empty topics)`,
    };
  }
  const down = state.brokers.filter((b) => b.pid === null).map((b) => b.nodeId);
  if (down.length > 0) {
    return { message: `This lesson starts with every broker up, and broker ${down.join(', ')} of your sandbox is stopped.`, fix: `kafka-tutor sandbox start --broker ${down[0]}` };
  }
  return undefined;
}

/**
 * Why `lesson` cannot run on the cluster at `brokers`, or undefined when it can (or needs nothing).
 *
 * @example
 *   await unmetRequirement({ requires: 'sandbox-3-brokers' }, ['127.0.0.1:19093'])
 *   // { message: 'This lesson stops a Kafka broker … your sandbox runs 1 broker …', fix: 'kafka-tutor sandbox reset --yes && …' }
 */
export async function unmetRequirement(lesson: Pick<Lesson, 'requires'>, brokers: string[]): Promise<UnmetRequirement | undefined> {
  switch (lesson.requires) {
    case undefined:
      return undefined;
    case 'sandbox-3-brokers':
      return sandboxThreeBrokers(brokers);
  }
}
