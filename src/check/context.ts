/**
 * The tutor's context, as `check` gives it to a lesson's steps: the same
 * cluster, programs and verifications, without a terminal, a progress file
 * or a student (their actions are `check`'s own, see runner.ts).
 */
import type { DoctorReport } from '../doctor/types.js';
import { emptyRunState, type Context } from '../engine/context.js';
import type { KafkaSide } from '../kafka/lesson-side.js';
import { ProgramPool, type StartProgram } from '../engine/programs.js';
import { Progress } from '../engine/progress.js';
import type { Terminal } from '../ui/terminal.js';
import type { LoadedLesson } from '../engine/types.js';
import type { ProfileFlags } from '../profile/types.js';

/** What every lesson of one check run shares. */
export interface SharedContext {
  flags: ProfileFlags;
  /** One client for the run: it produces, reads offsets and committed offsets. */
  kafka: KafkaSide;
  /** The environment every program gets (the profile; a password never in argv). */
  programEnv: Record<string, string>;
  startProgram: StartProgram;
  /** Short and unique per run: in every group id and message this run creates. */
  runId: string;
  /** The prefix of every group this run creates (`<client id>-check-<run id>-`). */
  groupPrefix: string;
  /** The doctor's checklist, run once per check run when a lesson judges it. */
  doctor?: DoctorReport | undefined;
  /** Which lesson wrote each message this run produced (`partition@offset`): the lessons run at once on one topic. */
  written?: Map<string, string> | undefined;
}

const never = (what: string) => () => Promise.reject(new Error(`check never prompts, but a step asked for ${what}`));

/** A terminal nobody reads: what the tutor would print goes nowhere, and a prompt is a bug. */
export const UNATTENDED_TERMINAL: Terminal = {
  select: never('a choice'),
  confirm: never('a yes or no'),
  text: never('text'),
  password: never('a password'),
  waitForKey: never('a key'),
  print: () => undefined,
  info: () => undefined,
  step: () => undefined,
  success: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  note: () => undefined,
  intro: () => undefined,
  outro: () => undefined,
};

/**
 * The context one lesson runs in under `check`: its groups are named for this
 * run (so `check` can tell them from the student's and delete them), its
 * progress lives in memory.
 *
 * @example
 *   const ctx = unattendedContext(lesson, shared, abort.signal);
 *   await runStep(lesson.steps[0], ctx);
 */
export function unattendedContext(lesson: LoadedLesson, shared: SharedContext, signal: AbortSignal): Context {
  // The lesson's id in its groups' names too: lessons running at once may name the same group key.
  const groups = Object.fromEntries(Object.keys(lesson.groups ?? {}).map((key) => [key, `${shared.groupPrefix}${shared.written ? `${lesson.id}-` : ''}${key}-{run}`]));
  const run = emptyRunState();
  if (shared.doctor) run.doctor = shared.doctor;
  const written = shared.written;
  const kafka: KafkaSide = written
    ? {
        ...shared.kafka,
        produce: async (values) => {
          const sent = await shared.kafka.produce(values);
          for (const m of sent) written.set(`${m.partition}@${m.offset}`, lesson.id);
          return sent;
        },
      }
    : shared.kafka;
  return {
    lesson: { ...lesson, groups },
    terminal: UNATTENDED_TERMINAL,
    kafka,
    programs: new ProgramPool(shared.startProgram, () => undefined),
    progress: Progress.inMemory(),
    flags: shared.flags,
    run,
    vars: { clientId: shared.kafka.clientId, topic: shared.kafka.topic, bootstrap: shared.kafka.bootstrap, workDir: '.', run: shared.runId },
    programEnv: shared.programEnv,
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    signal,
    showHint: () => undefined,
    writtenByOthers: written && ((m) => (written.get(`${m.partition}@${m.offset}`) ?? lesson.id) !== lesson.id),
  };
}
