/**
 * `kafka-tutor consume`: the course's simple consumer. Prints every message
 * as it arrives and the partitions the group assigns; kafkajs commits
 * automatically after each batch, as `enable.auto.commit=true` does.
 */
import { messageFacts, runConsumerProgram, type ConsumerBehaviour, type ConsumerProgramOptions } from './consumer-session.js';

/** The course's simple consumer: group `simple_consumer`, `auto.offset.reset=latest`. */
export const CONSUME_DEFAULTS = { group: 'simple_consumer', from: 'latest' } as const;

const simpleConsumer: ConsumerBehaviour = {
  autoCommit: true,
  // In --json mode the engine learns when a group has committed (before it stops the consumer).
  reportAutoCommits: true,
  createHandler:
    ({ out }) =>
    async (payload) => {
      out.emit({ type: 'message', ...messageFacts(payload) });
    },
};

/**
 * Consumes `options.topic` until stopped; returns the exit code.
 *
 * @example
 *   await consume({ topic: 'client1', group: 'simple_consumer', from: 'latest', json: false });
 */
export function consume(options: ConsumerProgramOptions): Promise<number> {
  return runConsumerProgram(options, simpleConsumer);
}
