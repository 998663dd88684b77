/**
 * Shared set-up for the lesson flow tests: the shipped course, a fresh progress
 * file, a fresh topic of client1's on the sandbox, and a scripted terminal.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka } from 'kafkajs';
import { loadCourse } from '../../src/engine/course.js';
import type { TutorOptions } from '../../src/engine/menu.js';
import { Progress } from '../../src/engine/progress.js';
import { createStudentTopic, sandboxStudent, studentConfig } from '../support/sandbox.js';
import { scriptTerminal, type TerminalScript } from '../support/terminal-script.js';

/** `topic`: one of client1's that the test prepared (e.g. with a long history); by default a fresh one. */
export async function lessonSetup(prepared?: { topic: string }): Promise<{ options: TutorOptions; script: TerminalScript; topic: string; kafka: Kafka; password: string }> {
  const topic = prepared?.topic ?? (await createStudentTopic('client1'));
  const script = scriptTerminal();
  const progress = Progress.open(join(mkdtempSync(join(tmpdir(), 'kt-lesson-')), 'progress.json'));
  const student = await sandboxStudent('client1');
  const password = readFileSync(join(student.dir, 'password.txt'), 'utf8').trim();
  const options: TutorOptions = { course: loadCourse(), progress, terminal: script.terminal, flags: { auth: student.dir }, topic };
  return { options, script, topic, kafka: new Kafka(await studentConfig('client1')), password };
}

/** The group's committed offset on partition 0, read from the broker. */
export async function committedOffset(kafka: Kafka, group: string, topic: string): Promise<number | null> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [entry] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const offset = Number(entry?.partitions.find((p) => p.partition === 0)?.offset ?? -1);
    return offset < 0 ? null : offset;
  } finally {
    await admin.disconnect();
  }
}
