/**
 * The sandbox behaves like the course's cluster: students produce and consume over SSL
 * with their certificates, and the ACLs confine each one to their own topic and groups.
 */
import { portsFor } from '../../src/sandbox/ports.js';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Kafka, type Consumer } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { createStudentTopic, sandboxState, studentConfig, uniqueName } from '../support/sandbox.js';

const consumers: Consumer[] = [];

/**
 * Returns a function that reads what the brokers logged since now (kafka.authorizer.logger
 * records each denial), waiting up to 5 s for `expected` to appear: the broker may write
 * the line just after the client has its answer.
 */
async function markBrokerLogs(): Promise<(expected: string) => Promise<string>> {
  const state = await sandboxState();
  const sizes = await Promise.all(state.brokers.map(async (b) => (await readFile(b.logFile)).length));
  const read = async () => (await Promise.all(state.brokers.map(async (b, i) => (await readFile(b.logFile)).subarray(sizes[i]).toString('utf8')))).join('\n');
  return async (expected) => {
    let logged = await read();
    for (let tries = 0; tries < 50 && !logged.includes(expected); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      logged = await read();
    }
    return logged;
  };
}
afterEach(async () => {
  await Promise.all(consumers.splice(0).map((c) => c.disconnect()));
});

/** Consumes from the beginning until a message with `value` arrives (or 20 s pass). */
async function consumeValue(kafka: Kafka, groupId: string, topic: string, value: string): Promise<string> {
  const consumer = kafka.consumer({ groupId });
  consumers.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no message ${value} within 20 s`)), 20_000);
    consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error));
    void consumer.run({
      eachMessage: async ({ message }) => {
        if (message.value?.toString() === value) {
          clearTimeout(timer);
          resolve(message.value.toString());
        }
      },
    });
  });
}

describe('sandbox over SSL', () => {
  it('lets a student produce to and consume from their own topic', async () => {
    const state = await sandboxState();
    expect(state.bootstrap.startsWith(`127.0.0.1:${portsFor(1).sslPort}`)).toBe(true);
    const kafka = new Kafka(await studentConfig('client1'));
    const producer = kafka.producer();
    await producer.connect();
    const value = `hello ${randomUUID()}`;
    await producer.send({ topic: 'client1', messages: [{ value }] });
    await producer.disconnect();
    expect(await consumeValue(kafka, uniqueName('client1-it'), 'client1', value)).toBe(value);
  });

  it("denies a student another student's topic", async () => {
    const kafka = new Kafka({ ...(await studentConfig('client1')), retry: { retries: 0 } });
    const producer = kafka.producer();
    await producer.connect();
    const loggedSince = await markBrokerLogs();
    try {
      const attempt = producer.send({ topic: 'client2', messages: [{ value: 'not mine' }] });
      // kafkajs wraps the broker's error code 29 in a non-retriable error.
      await expect(attempt).rejects.toMatchObject({ cause: { type: 'TOPIC_AUTHORIZATION_FAILED', code: 29 } });
      const denial = 'Principal = User:client1 is Denied operation = DESCRIBE from host = 127.0.0.1 on resource = Topic:LITERAL:client2';
      expect(await loggedSince(denial)).toContain(denial);
    } finally {
      await producer.disconnect();
    }
  });

  it('denies consumer groups that do not start with the client id, and allows simple_consumer', async () => {
    const topic = await createStudentTopic('client3');
    const config = await studentConfig('client3');
    const kafka = new Kafka({ ...config, retry: { retries: 0 } });
    const foreignGroup = uniqueName('client4-it');
    const foreign = kafka.consumer({ groupId: foreignGroup, retry: { retries: 0 } });
    consumers.push(foreign);
    await foreign.connect();
    const loggedSince = await markBrokerLogs();
    await foreign.subscribe({ topic, fromBeginning: true });
    const crashed = new Promise<unknown>((resolve) => foreign.on(foreign.events.CRASH, (event) => resolve(event.payload.error)));
    await foreign.run({ eachMessage: async () => undefined }).catch((error: unknown) => error);
    // kafkajs hides the broker's GROUP_AUTHORIZATION_FAILED behind "coordinator not found";
    // the broker's authorizer log says what Kafka did.
    expect(await crashed).toMatchObject({ name: 'KafkaJSGroupCoordinatorNotFound' });
    const denial = `Principal = User:client3 is Denied operation = DESCRIBE from host = 127.0.0.1 on resource = Group:LITERAL:${foreignGroup}`;
    expect(await loggedSince(denial)).toContain(denial);

    const producer = new Kafka(config).producer();
    await producer.connect();
    const value = `course group ${randomUUID()}`;
    await producer.send({ topic, messages: [{ value }] });
    await producer.disconnect();
    expect(await consumeValue(new Kafka(config), 'simple_consumer', topic, value)).toBe(value);
  });
});
