/**
 * The course self-check: proves every lesson under `lessons/` is well formed,
 * and says for each problem how to fix it. Used by `kafka-tutor dev check` and
 * by the loader, so a broken course never reaches a student half-way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXED_FIELDS, isCondition, variantsOf } from './cases.js';
import { checkOptionOrder } from './check-predict.js';
import { FACTS } from './facts.js';
import { REQUIREMENTS } from './requirements.js';
import { ACTIONS, ANSWER_KINDS, PROGRAM_KINDS, REQUIRED_FIELDS, SHOWS, STEP_KINDS, STOP_EVENTS, VERIFICATIONS, isVerificationName } from './catalog.js';
import { checkUnattended } from './check-unattended.js';
import { COURSE_FORMAT_VERSION, type Lesson, type Manifest, type Step } from './types.js';

export interface CourseProblem {
  /** Where: `manifest.json` or `<lesson>/lesson.json` (and a step id). */
  where: string;
  problem: string;
  fix: string;
}

const ID = /^[a-z][a-z0-9-]*$/;

function readJson(path: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch (error) {
    return { error: existsSync(path) ? `is not valid JSON (${(error as Error).message})` : 'is missing' };
  }
}

/**
 * Problems of the manifest alone; an empty list means it can be read.
 *
 * @example
 *   checkManifest({ formatVersion: 1, title: 'Course', lessons: ['simple'] }) // []
 */
export function checkManifest(value: unknown, where = 'manifest.json'): CourseProblem[] {
  const m = value as Partial<Manifest> | null;
  if (typeof m !== 'object' || m === null) return [{ where, problem: 'is not a JSON object', fix: 'Write {"formatVersion": 1, "title": "…", "lessons": ["…"]}.' }];
  const problems: CourseProblem[] = [];
  if (typeof m.formatVersion !== 'number') problems.push({ where, problem: 'has no numeric "formatVersion"', fix: `Add "formatVersion": ${COURSE_FORMAT_VERSION}.` });
  if (typeof m.title !== 'string' || m.title.trim() === '') problems.push({ where, problem: 'has no "title"', fix: 'Add "title": "<the course name>".' });
  if (!Array.isArray(m.lessons) || m.lessons.length === 0) problems.push({ where, problem: 'lists no lessons', fix: 'Add "lessons": ["<lesson-id>", …], one id per lesson folder.' });
  else {
    const seen = new Set<string>();
    for (const id of m.lessons) {
      if (typeof id !== 'string' || !ID.test(id)) problems.push({ where, problem: `lesson id ${JSON.stringify(id)} is not kebab-case`, fix: 'Use lower-case letters, digits and dashes, e.g. "my-first-lesson".' });
      else if (seen.has(id)) problems.push({ where, problem: `lists the lesson "${id}" twice`, fix: `Remove the second "${id}".` });
      seen.add(String(id));
    }
  }
  return problems;
}

/** The `as` names of the spawn steps before `step`: what a later step may refer to. */
function spawnedBefore(lesson: Lesson, step: Step): string[] {
  return lesson.steps.slice(0, lesson.steps.indexOf(step)).flatMap((s) => (s.kind === 'spawn' ? [s.as] : []));
}

/** What a course check covers; `orders: false` leaves out where each question's answer lands for 100 sample students (`dev check` samples it; a load need not, at ~30 ms each). */
export interface CourseCheckOptions {
  orders?: boolean;
}

/** A step's `cases` keys and fields, then every variant it can run as, each checked as a step. */
function checkStep(step: Step, lesson: Lesson, dir: string, ids: Set<string>, options: CourseCheckOptions): CourseProblem[] {
  const where = `${lesson.id}/lesson.json, step "${step.id ?? '?'}"`;
  const p: CourseProblem[] = [];
  for (const [key, fields] of Object.entries(step.cases ?? {})) {
    if (!isCondition(key)) p.push({ where, problem: `has the case "${key}", which is no condition`, fix: 'Write a case key as <variable><op><value>, e.g. "partitions=1" or "partitions>1" (op: = != > >= < <=).' });
    const fixed = FIXED_FIELDS.filter((f) => Object.hasOwn(fields ?? {}, f));
    if (fixed.length > 0) p.push({ where, problem: `has the case "${key}" changing ${fixed.map((f) => `"${f}"`).join(', ')}`, fix: 'A case may change any field but id, kind, cases and checkpoint.' });
  }
  const seen = new Set<string>();
  for (const variant of variantsOf(step)) {
    for (const q of checkVariant(variant, lesson, dir, ids, options)) {
      const text = `${q.where}|${q.problem}`;
      if (!seen.has(text)) p.push(q);
      seen.add(text);
    }
  }
  return p;
}

function checkVariant(step: Step, lesson: Lesson, dir: string, ids: Set<string>, options: CourseCheckOptions): CourseProblem[] {
  const where = `${lesson.id}/lesson.json, step "${step.id ?? '?'}"`;
  const p: CourseProblem[] = [];
  const add = (problem: string, fix: string) => p.push({ where, problem, fix });
  if (typeof step.id !== 'string' || !ID.test(step.id)) add('has no kebab-case "id"', 'Give every step an "id" such as "start-consumer".');
  if (!STEP_KINDS.includes(step.kind)) return [...p, { where, problem: `has the unknown kind "${String(step.kind)}"`, fix: `Use one of: ${STEP_KINDS.join(', ')}.` }];
  for (const field of REQUIRED_FIELDS[step.kind]) {
    const value = (step as unknown as Record<string, unknown>)[field];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) add(`(${/^[aeiou]/.test(step.kind) ? 'an' : 'a'} ${step.kind} step) has no "${field}"`, `Add "${field}" to the step.`);
  }
  const groups = Object.keys(lesson.groups ?? {});
  const needGroup = (key: string | undefined, field: string) => {
    if (key !== undefined && !groups.includes(key)) add(`names the group "${key}" in "${field}", which the lesson's "groups" does not define`, `Add "${key}": "{clientId}-${key}-{run}" to the lesson's "groups".`);
  };
  switch (step.kind) {
    case 'explain':
      if (step.file && !existsSync(join(dir, step.file))) add(`points at ${step.file}, which does not exist`, `Create ${lesson.id}/${step.file} with the text the student reads.`);
      break;
    case 'predict':
      if (Array.isArray(step.options) && !step.options.some((o) => o.value === step.answer)) add(`has the answer "${step.answer}", which is none of its options`, 'Make "answer" equal to one option\'s "value".');
      else if (Array.isArray(step.options) && options.orders !== false) checkOptionOrder(step, lesson.id).forEach((q) => add(q.problem, q.fix));
      break;
    case 'spawn':
      if (!(PROGRAM_KINDS as readonly string[]).includes(step.program)) add(`spawns the unknown program "${step.program}"`, `Use one of: ${PROGRAM_KINDS.join(', ')}.`);
      if (step.program === 'consume-commit' && step.group === undefined) add('spawns consume-commit without a "group"', 'Add "group": "<a key of the lesson\'s groups>".');
      if (step.program !== 'consume-commit' && (step.storeMs !== undefined || step.commitBeforeStore !== undefined)) add(`gives ${step.program} "storeMs" or "commitBeforeStore", which only consume-commit takes`, 'Remove them, or spawn "consume-commit".');
      needGroup(step.group, 'group');
      break;
    case 'produce':
      needGroup(step.unlessUnreadBy, 'unlessUnreadBy');
      break;
    case 'act':
      if (!(ACTIONS as readonly string[]).includes(step.action)) add(`has the unknown action "${step.action}"`, `Use one of: ${ACTIONS.join(', ')}.`);
      if (step.after !== undefined && step.after !== 'committed') add(`waits for "${String(step.after)}", which is no event it can wait for`, 'Use "after": "committed", or leave it out.');
      if ((step.action === 'stop-key' || step.action === 'stop') && !step.program && !(step.action === 'stop' && step.anyOf?.length)) add(`(${step.action}) names no "program" to stop`, 'Add "program": "<the spawn step\'s as>" (or, for stop, "anyOf": [<spawn steps\' as>]).');
      if ((step.action === 'stop-broker' || step.action === 'start-broker') && lesson.requires !== 'sandbox-3-brokers') add(`(${step.action}) stops or starts a broker, but the lesson does not require a sandbox where that is allowed`, 'Add "requires": "sandbox-3-brokers" to the lesson.');
      // `check` presses the key itself, right after this event.
      if (step.action === 'stop-key' && !STOP_EVENTS.includes(step.at ?? '')) add(`(stop-key) ${step.at === undefined ? 'names no "at" event' : `stops at "${step.at}", which no program reports`}, so check cannot tell when to press the key`, `Add "at": one of ${STOP_EVENTS.join(', ')} (the line the student waits for).`);
      break;
    case 'verify':
      if (step.check && !isVerificationName(step.check)) add(`names the unknown verification "${step.check}"`, `Use one of: ${VERIFICATIONS.join(', ')} (docs/lesson-format.md says what each checks).`);
      if (step.reveals !== undefined && !ids.has(step.reveals)) add(`reveals "${step.reveals}", which is not an earlier step`, 'Point "reveals" at an earlier predict step\'s id.');
      if (step.retryFrom !== undefined && !ids.has(step.retryFrom)) add(`retries from "${step.retryFrom}", which is not an earlier step`, 'Point "retryFrom" at an earlier step\'s id.');
      break;
    case 'show':
      if (!(SHOWS as readonly string[]).includes(step.what)) add(`shows the unknown "${step.what}"`, `Use one of: ${SHOWS.join(', ')}.`);
      needGroup(step.group, 'group');
      if (step.highlight !== undefined && !spawnedBefore(lesson, step).includes(step.highlight)) add(`highlights the program "${step.highlight}", which no earlier spawn step starts`, 'Set "highlight" to the "as" of a consume-commit spawn step before it.');
      break;
    case 'ask':
      if (step.name && !/^[a-zA-Z][\w.-]*$/.test(step.name)) add(`stores its answer in "${step.name}", which text cannot name as {${step.name}}`, 'Use letters, digits, dots and dashes, starting with a letter, e.g. "vmAddress".');
      if (step.validate !== undefined && !(ANSWER_KINDS as readonly string[]).includes(step.validate)) add(`checks answers as the unknown "${step.validate}"`, `Use one of: ${ANSWER_KINDS.join(', ')}.`);
      // Answers are kept in progress.json in plain text; passwords only go through the hidden prompt.
      if (/pass(word|phrase)|secret/i.test(`${step.name ?? ''} ${step.message ?? ''}`)) add('seems to ask for a password, which would be stored in progress.json in plain text', 'Remove the step: kafka-tutor asks for the keystore password itself, with a hidden prompt.');
      break;
    default:
      break;
  }
  return p;
}

/**
 * Problems of one lesson folder; `expectedId` is the id the manifest gave it.
 *
 * @example
 *   checkLesson('lessons/simple', 'simple') // [] when well formed
 */
export function checkLesson(dir: string, expectedId: string, options: CourseCheckOptions = {}): CourseProblem[] {
  const where = `${expectedId}/lesson.json`;
  const { value, error } = readJson(join(dir, 'lesson.json'));
  if (error) return [{ where, problem: error, fix: `Create ${expectedId}/lesson.json with "id", "title", "summary", "hints" and "steps".` }];
  const lesson = value as Lesson;
  const problems: CourseProblem[] = [];
  if (lesson.id !== expectedId) problems.push({ where, problem: `has the id "${String(lesson.id)}" but its folder is "${expectedId}"`, fix: `Set "id": "${expectedId}" (or rename the folder and the manifest entry).` });
  if (typeof lesson.title !== 'string' || lesson.title.trim() === '') problems.push({ where, problem: 'has no "title"', fix: 'Add "title": "<what the student learns>".' });
  if (typeof lesson.summary !== 'string' || lesson.summary.trim() === '') problems.push({ where, problem: 'has no "summary"', fix: 'Add "summary": "<one line shown in the lesson menu>".' });
  if (!Array.isArray(lesson.hints) || lesson.hints.length === 0 || lesson.hints.some((h) => typeof h !== 'string' || h.trim() === '')) {
    problems.push({ where, problem: 'has no hints, or an empty one', fix: 'Add "hints": ["<what to try when stuck>"] with non-empty sentences.' });
  }
  for (const fact of lesson.facts ?? []) if (!(FACTS as readonly string[]).includes(fact)) problems.push({ where, problem: `reads the unknown fact "${String(fact)}"`, fix: `Use one of: ${FACTS.join(', ')}.` });
  if (lesson.requires !== undefined && !REQUIREMENTS.includes(lesson.requires)) {
    problems.push({ where, problem: `requires "${String(lesson.requires)}", which kafka-tutor cannot tell`, fix: `Use one of: ${REQUIREMENTS.join(', ')}, or leave "requires" out.` });
  }
  if (!Array.isArray(lesson.steps) || lesson.steps.length === 0) return [...problems, { where, problem: 'has no steps', fix: 'Add "steps": [{"id": "intro", "kind": "explain", "file": "intro.md"}, …].' }];
  const ids = new Set<string>();
  for (const step of lesson.steps) {
    if (ids.has(step.id)) problems.push({ where, problem: `has two steps with the id "${step.id}"`, fix: 'Give every step its own id.' });
    problems.push(...checkStep(step, lesson, dir, ids, options));
    ids.add(step.id);
  }
  problems.push(...checkUnattended(lesson));
  for (const step of lesson.steps) {
    if (step.kind === 'optional' && step.skipTo !== undefined && !ids.has(step.skipTo)) {
      problems.push({ where: `${where}, step "${step.id}"`, problem: `skips to "${step.skipTo}", which is not a step`, fix: 'Point "skipTo" at a step id of this lesson, or leave it out to end the lesson.' });
    }
  }
  return problems;
}

/**
 * Checks a whole course folder: the manifest, then every lesson it lists.
 *
 * @example
 *   checkCourse('lessons') // [] when the course is well formed
 */
export function checkCourse(dir: string, options: CourseCheckOptions = {}): CourseProblem[] {
  const { value, error } = readJson(join(dir, 'manifest.json'));
  if (error) return [{ where: 'manifest.json', problem: error, fix: `Create ${join(dir, 'manifest.json')} listing the lessons.` }];
  const problems = checkManifest(value);
  const manifest = value as Manifest;
  if (problems.length > 0) return problems;
  if (manifest.formatVersion > COURSE_FORMAT_VERSION) {
    return [{ where: 'manifest.json', problem: `has formatVersion ${manifest.formatVersion}; this kafka-tutor reads ${COURSE_FORMAT_VERSION}`, fix: 'Upgrade kafka-tutor: npm install kafka-tutor@latest' }];
  }
  return manifest.lessons.flatMap((id) => (existsSync(join(dir, id)) ? checkLesson(join(dir, id), id, options) : [{ where: id, problem: 'is listed in manifest.json but has no folder', fix: `Create ${id}/lesson.json, or remove "${id}" from manifest.json.` }]));
}
