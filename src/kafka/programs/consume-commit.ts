/**
 * `kafka-tutor consume-commit`: the course's committing consumer. For each
 * message: print it, "store" it for a while, then commit its offset + 1 by
 * hand. Automatic commits are off, so a stop while storing commits nothing:
 * the restarted consumer gets that message again (at-least-once delivery).
 * With `commitBeforeStore` the commit comes first: a stop while storing has
 * already committed the message, so the group never reads it again (at-most-once).
 */
import type { Consumer } from 'kafkajs';
import type { MessageFacts } from '../events.js';
import { consumerChildIO, messageFacts, runConsumerProgram, type ConsumerBehaviour, type ConsumerProgramOptions } from './consumer-session.js';
import { waitUnlessStopped, type Emitter, type ProgramIO } from './runtime.js';

/** How long storing one message takes by default: long enough to press a key in the middle. */
export const DEFAULT_STORE_MS = 3000;

export interface ConsumeCommitOptions extends ConsumerProgramOptions {
  storeMs: number;
  /** Commit each message before storing it (the lesson "commit first"): a stop while storing loses it. */
  commitBeforeStore?: boolean;
}

async function commit(consumer: Consumer, out: Emitter, facts: MessageFacts): Promise<void> {
  const next = facts.offset + 1;
  await consumer.commitOffsets([{ topic: facts.topic, partition: facts.partition, offset: String(next) }]);
  out.emit({ type: 'committed', topic: facts.topic, partition: facts.partition, offset: next });
}

function storingConsumer(storeMs: number, commitFirst: boolean): ConsumerBehaviour {
  return {
    autoCommit: false,
    createHandler:
      ({ consumer, out, stopSignal }) =>
      async (payload) => {
        // A stop between two messages: do not start the next one.
        if (stopSignal.aborted) return;
        const facts = messageFacts(payload);
        const where = `${facts.topic}[${facts.partition}]@${facts.offset}`;
        out.emit({ type: 'message', ...facts });
        if (commitFirst) await commit(consumer, out, facts);
        out.emit({ type: 'storing-started', ...facts });
        // SIGTERM aborts the storing: the message was not stored.
        if (!(await waitUnlessStopped(storeMs, stopSignal))) {
          out.note(
            commitFirst
              ? `Storing ${where} was interrupted, but it was already committed: this group will not read it again, so it is lost.`
              : `Storing ${where} was interrupted: not committed, so this group will read it again.`,
          );
          return;
        }
        out.emit({ type: 'storing-ended', ...facts });
        if (!commitFirst) await commit(consumer, out, facts);
      },
  };
}

/**
 * Consumes with explicit commits until stopped; returns the exit code. Without `io` it is this process's program (stdout, signals).
 *
 * @example
 *   await consumeCommit({ topic: 'client1', group: 'client1-commit-1', from: 'earliest', storeMs: 3000, json: true });
 *   await consumeCommit({ topic: 'client1', group: 'client1-first-1', from: 'earliest', storeMs: 3000, commitBeforeStore: true, json: true });
 */
export function consumeCommit(options: ConsumeCommitOptions, io: ProgramIO = consumerChildIO(options)): Promise<number> {
  return runConsumerProgram(options, storingConsumer(options.storeMs, options.commitBeforeStore ?? false), io);
}
