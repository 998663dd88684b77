/**
 * `kafka-tutor consume-commit`: the course's committing consumer. For each
 * message: print it, "store" it for a while, then commit its offset + 1 by
 * hand. Automatic commits are off, so a stop while storing commits nothing:
 * the restarted consumer gets that message again (at-least-once delivery).
 */
import { consumerChildIO, messageFacts, runConsumerProgram, type ConsumerBehaviour, type ConsumerProgramOptions } from './consumer-session.js';
import { waitUnlessStopped, type ProgramIO } from './runtime.js';

/** How long storing one message takes by default: long enough to press a key in the middle. */
export const DEFAULT_STORE_MS = 3000;

export interface ConsumeCommitOptions extends ConsumerProgramOptions {
  storeMs: number;
}

function storingConsumer(storeMs: number): ConsumerBehaviour {
  return {
    autoCommit: false,
    createHandler:
      ({ consumer, out, stopSignal }) =>
      async (payload) => {
        // A stop between two messages: do not start the next one.
        if (stopSignal.aborted) return;
        const facts = messageFacts(payload);
        out.emit({ type: 'message', ...facts });
        out.emit({ type: 'storing-started', ...facts });
        // SIGTERM aborts the storing: the message was not stored, so it must not be committed.
        if (!(await waitUnlessStopped(storeMs, stopSignal))) {
          out.note(`Storing ${facts.topic}[${facts.partition}]@${facts.offset} was interrupted: not committed, so this group will read it again.`);
          return;
        }
        out.emit({ type: 'storing-ended', ...facts });
        const next = facts.offset + 1;
        await consumer.commitOffsets([{ topic: facts.topic, partition: facts.partition, offset: String(next) }]);
        out.emit({ type: 'committed', topic: facts.topic, partition: facts.partition, offset: next });
      },
  };
}

/**
 * Consumes with explicit commits until stopped; returns the exit code. Without `io` it is this process's program (stdout, signals).
 *
 * @example
 *   await consumeCommit({ topic: 'client1', group: 'client1-commit-1', from: 'earliest', storeMs: 3000, json: true });
 */
export function consumeCommit(options: ConsumeCommitOptions, io: ProgramIO = consumerChildIO(options)): Promise<number> {
  return runConsumerProgram(options, storingConsumer(options.storeMs), io);
}
