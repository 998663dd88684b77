/**
 * Shared by the programs and experiments integration tests: the environment
 * that points a lesson program at a sandbox student, and small steps
 * (produce some values, start a consumer and wait for its assignment).
 */
import { randomUUID } from 'node:crypto';
import { startProgram, type ProgramHandle, type ProgramKind } from '../../src/engine/process/index.js';
import type { EventOf } from '../../src/kafka/events.js';
import { createStudentTopic, sandboxState, sandboxStudent, uniqueName } from '../support/sandbox.js';

/** The student these tests act as (others use client1; spreading the load changes nothing for Kafka). */
export const CLIENT = 'client3';

/** A program's profile, through the environment only (the password comes from password.txt). */
export async function studentEnv(clientId = CLIENT): Promise<Record<string, string>> {
  const state = await sandboxState();
  const student = await sandboxStudent(clientId);
  return { KAFKA_TUTOR_BOOTSTRAP: state.bootstrap, KAFKA_TUTOR_AUTH: student.dir, KAFKA_TUTOR_CLIENT_ID: '' };
}

/** A fresh topic of CLIENT's and a fresh group id allowed to CLIENT. */
export async function freshTopic(partitions = 1): Promise<string> {
  return createStudentTopic(CLIENT, { partitions });
}
export const freshGroup = (label: string) => uniqueName(`${CLIENT}-${label}`);

/** Values nobody else sends: `<label>-<i>-<random>`. */
export const uniqueValues = (label: string, count: number) => {
  const run = randomUUID().slice(0, 6);
  return Array.from({ length: count }, (_, i) => `${label}-${i}-${run}`);
};

/** Pipes `values` into `kafka-tutor produce` and returns its `sent` events once it exited. */
export async function produceValues(topic: string, values: readonly string[], env: Record<string, string>): Promise<EventOf<'sent'>[]> {
  const producer = startProgram('produce', [topic], { env });
  for (const value of values) producer.writeLine(value);
  producer.closeInput();
  const exit = await producer.exited;
  if (exit.exitCode !== 0) throw new Error(`produce exited ${exit.exitCode}: ${JSON.stringify(exit.events.at(-1))} ${exit.stderr}`);
  return exit.events.filter((e): e is EventOf<'sent'> => e.type === 'sent');
}

/** Starts a consumer program and waits until its group assigned it a partition. */
export async function startAssigned(kind: Exclude<ProgramKind, 'produce'>, args: string[], env: Record<string, string>): Promise<ProgramHandle> {
  const program = startProgram(kind, args, { env });
  await program.waitFor((e) => e.type === 'assigned' && e.partitions.length > 0, { timeoutMs: 30_000, what: `${kind} to be assigned a partition` });
  return program;
}

/** Waits until `program` printed every value of `values`. */
export async function waitForValues(program: ProgramHandle, values: readonly string[], timeoutMs = 20_000): Promise<void> {
  for (const value of values) {
    await program.waitFor((e) => e.type === 'message' && e.value === value, { timeoutMs, what: `the message "${value}"` });
  }
}
