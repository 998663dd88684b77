/**
 * The one place kafkajs is loaded at run time. The build bundles kafkajs into a single
 * file (`dist/vendor/kafkajs.cjs`, scripts/build.mjs): Node then reads and compiles
 * one file instead of about a hundred, which cuts every command's start-up (see the README's
 * Benchmarks). From `src/` (the tests) there is no bundle, and the package itself is loaded.
 *
 * @example
 *   import { Kafka } from './kafkajs.js';
 *   const admin = new Kafka(config).admin();
 */
import type * as KafkaJs from 'kafkajs';
import { loadVendored } from '../vendor.js';

const kafkajs = loadVendored<typeof KafkaJs>('kafkajs');

// Each a value and, like the package's own exports, a type of the same name.
export const Kafka = kafkajs.Kafka;
export type Kafka = KafkaJs.Kafka;
export const logLevel = kafkajs.logLevel;
export const AssignerProtocol = kafkajs.AssignerProtocol;
