/**
 * `start` and `resume`: the lesson menu with each lesson's status, and the
 * loop that runs a lesson and offers the next one.
 */
import type { ProfileFlags } from '../profile/types.js';
import { findLesson } from './course.js';
import { formatLessonRow, listLessons, nextLesson } from './list.js';
import type { StartProgram } from './programs.js';
import type { Progress } from './progress.js';
import { unmetRequirement } from './requirements.js';
import { runLesson } from './run-lesson.js';
import { openSession } from './session.js';
import type { Terminal } from '../ui/terminal.js';
import type { Course } from './types.js';

export interface TutorOptions {
  course: Course;
  progress: Progress;
  terminal: Terminal;
  flags: ProfileFlags;
  askPassword?: (keystorePath: string) => Promise<string>;
  startProgram?: StartProgram;
  topic?: string;
}

const QUIT = '__quit';

/**
 * Runs one lesson in a fresh session; resuming when it is in progress and the student agrees.
 *
 * @example
 *   await playLesson('simple', options, false) // 'done' or 'left'
 */
export async function playLesson(id: string, options: TutorOptions, resume: boolean): Promise<'done' | 'left'> {
  const lesson = findLesson(options.course, id);
  const { ctx, close } = await openSession(lesson, options);
  try {
    const unmet = await unmetRequirement(lesson, ctx.kafka.bootstrap.split(','));
    if (unmet) {
      options.terminal.intro(lesson.title);
      options.terminal.warn(`${unmet.message}\nTo get one: ${unmet.fix}`);
      return 'left';
    }
    return await runLesson(ctx, { resume });
  } finally {
    await close();
  }
}

async function chooseResume(id: string, options: TutorOptions): Promise<boolean> {
  if (options.progress.status(id) !== 'in-progress') return false;
  return options.terminal.confirm('Continue where you left off? (No starts the lesson again)', true);
}

/**
 * The menu: pick a lesson (the next one is preselected), play it, come back.
 *
 * @example
 *   await runTutor({ course, progress, terminal, flags: {} }); // returns when the student quits
 */
export async function runTutor(options: TutorOptions, first?: string): Promise<void> {
  const { course, progress, terminal } = options;
  terminal.intro(course.manifest.title);
  if (progress.notice) terminal.warn(progress.notice);
  let pick = first;
  for (;;) {
    if (pick === undefined) {
      const rows = listLessons(course, progress);
      const initial = nextLesson(course, progress) ?? QUIT;
      pick = await terminal.select('Which lesson?', [...rows.map((r) => ({ value: r.id, label: formatLessonRow(r), hint: r.summary })), { value: QUIT, label: 'Quit (your progress is saved)' }], initial);
      if (pick === QUIT) break;
    }
    const result = await playLesson(pick, options, await chooseResume(pick, options));
    const next = nextLesson(course, progress);
    if (result === 'done' && next && (await terminal.confirm(`Go on to the next lesson (${findLesson(course, next).title})?`, true))) pick = next;
    else pick = undefined;
  }
  terminal.outro('See you soon: `kafka-tutor resume` brings you back here.');
}

/**
 * Jumps straight back into the lesson in progress (or the next one).
 *
 * @example
 *   await resumeTutor(await openTutor({}));
 */
export async function resumeTutor(options: TutorOptions): Promise<void> {
  const next = nextLesson(options.course, options.progress);
  if (!next) {
    options.terminal.outro('Every lesson is done. `kafka-tutor lessons` lists them; `kafka-tutor reset <lesson>` lets you take one again.');
    return;
  }
  if (options.progress.notice) options.terminal.warn(options.progress.notice);
  await playLesson(next, options, true);
}

