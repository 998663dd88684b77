/**
 * The student's progress: one JSON file, versioned, written atomically on every
 * change. It never holds a password. A corrupt or newer file is set aside, not fatal.
 */
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export const PROGRESS_VERSION = 1;
const HEADER = 'Written by kafka-tutor after every step. Do not edit by hand: use `kafka-tutor reset` instead.';

export type LessonStatus = 'not-started' | 'in-progress' | 'done';

export interface StepRecord {
  status: 'in-progress' | 'done' | 'failed';
  attempts: number;
  startedAt: string;
  finishedAt?: string;
}

export interface LessonRecord {
  status: LessonStatus;
  /** Counts fresh starts; unique group ids include it. */
  run: number;
  startedAt?: string;
  finishedAt?: string;
  /** Consumer groups created for this lesson, by the lesson's group key; a resumed lesson reuses them. */
  groups: Record<string, string>;
  /** The student's answers to the lesson's ask steps, by variable name (never a password); absent in older files. */
  answers?: Record<string, string>;
  steps: Record<string, StepRecord>;
}

export interface ProgressData {
  doNotEdit: string;
  formatVersion: number;
  updatedAt: string;
  /** The lesson the student worked on last. */
  current?: string;
  lessons: Record<string, LessonRecord>;
}

/** Where progress lives: `$KAFKA_TUTOR_HOME` or `./.kafka-tutor`. */
export function progressPath(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return join(resolve(cwd, env.KAFKA_TUTOR_HOME ?? '.kafka-tutor'), 'progress.json');
}

function emptyProgress(): ProgressData {
  return { doNotEdit: HEADER, formatVersion: PROGRESS_VERSION, updatedAt: new Date(0).toISOString(), lessons: {} };
}

function isProgress(value: unknown): value is ProgressData {
  const v = value as ProgressData | null;
  return typeof v === 'object' && v !== null && typeof v.formatVersion === 'number' && typeof v.lessons === 'object' && v.lessons !== null;
}

/**
 * The progress file and the operations that change it; each change is saved at once.
 *
 * @example
 *   const progress = Progress.open(progressPath());
 *   progress.notice // set when a broken file was set aside
 *   await progress.markStep('simple', 'start-consumer', 'done');
 */
export class Progress {
  readonly path: string;
  data: ProgressData;
  /** One sentence for the student when the file had to be set aside. */
  notice: string | undefined;
  readonly #now: () => Date;
  /** Unset for `check`'s runs: they never touch the student's file. */
  readonly #persist: boolean;

  private constructor(path: string, data: ProgressData, notice: string | undefined, now: () => Date, persist = true) {
    this.path = path;
    this.data = data;
    this.notice = notice;
    this.#now = now;
    this.#persist = persist;
  }

  /**
   * A record kept in memory only, for a lesson `check` runs unattended.
   *
   * @example
   *   const progress = Progress.inMemory(); await progress.rememberGroup('simple', 'simple', 'client1-check-…') // writes nothing
   */
  static inMemory(): Progress {
    return new Progress('', emptyProgress(), undefined, () => new Date(), false);
  }

  static open(path: string, options: { now?: () => Date } = {}): Progress {
    const now = options.now ?? (() => new Date());
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return new Progress(path, emptyProgress(), undefined, now);
    }
    let reason: string | undefined;
    let data: ProgressData | undefined;
    try {
      const value = JSON.parse(text) as unknown;
      if (!isProgress(value)) reason = 'is not a kafka-tutor progress file';
      else if (value.formatVersion > PROGRESS_VERSION) reason = `was written by a newer kafka-tutor (format ${value.formatVersion})`;
      else data = value;
    } catch {
      reason = 'is corrupt';
    }
    if (data) return new Progress(path, data, undefined, now);
    // Set aside, never delete: the student (or staff) may want to look at it.
    const aside = `${path}.bad-${now().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, aside);
    return new Progress(path, emptyProgress(), `Your progress file ${reason}; it was moved to ${aside} and you start afresh.`, now);
  }

  lesson(id: string): LessonRecord {
    return this.data.lessons[id] ?? { status: 'not-started', run: 0, groups: {}, steps: {} };
  }

  status(id: string): LessonStatus {
    return this.lesson(id).status;
  }

  async #save(): Promise<void> {
    if (!this.#persist) return;
    this.data.updatedAt = this.#now().toISOString();
    mkdirSync(dirname(this.path), { recursive: true });
    await writeFileAtomic(this.path, `${JSON.stringify(this.data, null, 2)}\n`, { mode: 0o600 });
  }

  #edit(id: string): LessonRecord {
    const record = this.lesson(id);
    this.data.lessons[id] = record;
    this.data.current = id;
    return record;
  }

  /**
   * Starts a lesson: afresh (new run, new groups) or resuming (keeps both). A resume that
   * restarts at the first step is a fresh run too, but `keepAnswers` spares the student's answers.
   */
  async startLesson(id: string, options: { fresh: boolean; keepAnswers?: boolean }): Promise<LessonRecord> {
    const record = this.#edit(id);
    if (options.fresh || record.run === 0) {
      record.run += 1;
      record.groups = {};
      if (!options.keepAnswers) delete record.answers;
      record.steps = {};
      delete record.finishedAt;
    }
    record.status = 'in-progress';
    record.startedAt ??= this.#now().toISOString();
    await this.#save();
    return record;
  }

  async markStep(id: string, stepId: string, status: StepRecord['status']): Promise<void> {
    const record = this.#edit(id);
    const now = this.#now().toISOString();
    const step = record.steps[stepId] ?? { status, attempts: 0, startedAt: now };
    if (status === 'in-progress') {
      step.attempts += 1;
      step.startedAt = now;
      delete step.finishedAt;
    } else step.finishedAt = now;
    step.status = status;
    record.steps[stepId] = step;
    await this.#save();
  }

  /** Remembers a consumer group the lesson created, so a resumed lesson reuses it. */
  async rememberGroup(id: string, key: string, groupId: string): Promise<void> {
    this.#edit(id).groups[key] = groupId;
    await this.#save();
  }

  /** Remembers an answer to an ask step, so a resumed lesson does not ask again. */
  async rememberAnswer(id: string, name: string, value: string): Promise<void> {
    const record = this.#edit(id);
    record.answers = { ...record.answers, [name]: value };
    await this.#save();
  }

  async finishLesson(id: string): Promise<void> {
    const record = this.#edit(id);
    record.status = 'done';
    record.finishedAt = this.#now().toISOString();
    await this.#save();
  }

  /** Erases one lesson's progress, or all of it. */
  async reset(id?: string): Promise<void> {
    if (id === undefined) this.data = emptyProgress();
    else {
      delete this.data.lessons[id];
      if (this.data.current === id) delete this.data.current;
    }
    await this.#save();
  }
}
