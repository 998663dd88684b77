/**
 * The course self-check's rules for `check`, which runs every lesson's steps
 * without a student: each test is declared once with its points, its
 * verification exists and gets its params, and every step before it is one
 * `check` can perform by itself.
 */
import { verificationNamed } from './verifications/index.js';
import type { Lesson, Step } from './types.js';

interface Problem {
  where: string;
  problem: string;
  fix: string;
}

const ID = /^[a-z][a-z0-9-]*$/;

/** The step that last acted before `index` (spawn, produce or act): what a verification after it judges. */
function lastAction(steps: Step[], index: number): Step | undefined {
  return steps.slice(0, index).reverse().find((s) => s.kind === 'spawn' || s.kind === 'produce' || s.kind === 'act');
}

/**
 * Problems that would keep `check` from grading a lesson unattended.
 *
 * @example
 *   checkUnattended(lesson) // [] when every test can run without a student
 */
export function checkUnattended(lesson: Lesson): Problem[] {
  const problems: Problem[] = [];
  const declared = new Set<string>();
  let optionalFrom: string | undefined;
  lesson.steps.forEach((step, index) => {
    const add = (problem: string, fix: string) => problems.push({ where: `${lesson.id}/lesson.json, step "${step.id}"`, problem, fix });
    if (step.kind === 'optional') optionalFrom ??= step.id;
    if (step.kind !== 'verify') return;
    const entry = verificationNamed(step.check);
    for (const name of entry?.params ?? []) if (step.params?.[name] === undefined) add(`gives the verification "${step.check}" no "${name}"`, `Add "params": { "${name}": … } (docs/lesson-format.md lists each verification's params).`);
    if (step.test === undefined) {
      if (step.points !== undefined || step.title !== undefined) add('has "points" or "title" but no "test"', 'Add "test": "<a kebab-case test id>", or remove "points" and "title".');
      return;
    }
    if (!ID.test(step.test)) add(`names the test "${step.test}", which is not kebab-case`, 'Use lower-case letters, digits and dashes, e.g. "reset-policy".');
    if (declared.has(step.test)) {
      if (step.points !== undefined || step.title !== undefined) add(`repeats "points" or "title" of the test "${step.test}"`, `Give them only on the first verify step of "${step.test}".`);
    } else {
      if (typeof step.title !== 'string' || step.title.trim() === '') add(`declares the test "${step.test}" without a "title"`, 'Add "title": "<what the test proves, in a few words>".');
      if (typeof step.points !== 'number' || !Number.isInteger(step.points) || step.points < 1) add(`gives the test "${step.test}" ${step.points === undefined ? 'no points' : `the points ${JSON.stringify(step.points)}`}`, 'Add "points": a whole number of at least 1.');
      declared.add(step.test);
    }
    // check declines optional parts: a test there would never run.
    if (optionalFrom !== undefined) add(`is a test in the optional part that starts at "${optionalFrom}", which check never runs`, 'Remove "test", "title" and "points" from it (the tutor still runs it), or move it before the optional step.');
    const before = lastAction(lesson.steps, index);
    if (before?.kind === 'act' && before.action === 'wait-key' && entry && !entry.judgesSetup) {
      add(`judges what happens after the wait-key step "${before.id}", which check cannot do for the student`, 'Let the step before it be one check performs (spawn, produce, type-messages, stop-key with "at"), or use a verification of what the student prepared (doctor).');
    }
  });
  return problems;
}
