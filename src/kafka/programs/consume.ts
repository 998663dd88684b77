/**
 * `kafka-tutor consume`: the course's simple consumer. Prints every message
 * as it arrives and the partitions the group assigns; kafkajs commits
 * automatically after each batch, as `enable.auto.commit=true` does.
 * A long backlog found at assignment is summarized (backlog.ts): the seek
 * past it commits its end, so the group counts those messages as read.
 */
import { consumerChildIO, messageFacts, runConsumerProgram, type ConsumerBehaviour, type ConsumerProgramOptions } from './consumer-session.js';
import type { ProgramIO } from './runtime.js';

/** The course's simple consumer: group `simple_consumer`, `auto.offset.reset=latest`. */
export const CONSUME_DEFAULTS = { group: 'simple_consumer', from: 'latest' } as const;

const simpleConsumer: ConsumerBehaviour = {
  autoCommit: true,
  // In --json mode the engine learns when a group has committed (before it stops the consumer).
  reportAutoCommits: true,
  // A long history costs nothing: the first and last old messages, a count, then new ones.
  summarizeBacklog: true,
  createHandler:
    ({ out }) =>
    async (payload) => {
      out.emit({ type: 'message', ...messageFacts(payload) });
    },
};

/**
 * Consumes `options.topic` until stopped; returns the exit code. Without `io` it is this process's program (stdout, signals).
 *
 * @example
 *   await consume({ topic: 'client1', group: 'simple_consumer', from: 'latest', json: false });
 */
export function consume(options: ConsumerProgramOptions, io: ProgramIO = consumerChildIO(options)): Promise<number> {
  return runConsumerProgram(options, simpleConsumer, io);
}
