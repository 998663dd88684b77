/**
 * kafkajs' types for the callers that hold a client src/kafka/ made: only src/kafka/
 * imports kafkajs, so the rest of src/ names its types through this file.
 *
 * @example
 *   import type { Kafka } from '../kafka/types.js';
 */
export type { Admin, Kafka, KafkaConfig, Producer } from 'kafkajs';
