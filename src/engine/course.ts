/**
 * Loads the course (lessons as data) from a folder, refusing a manifest newer
 * than this kafka-tutor understands and a course that fails its self-check.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { packagePath } from '../package-root.js';
import { variantsOf } from './cases.js';
import { checkCourse } from './check-course.js';
import { COURSE_FORMAT_VERSION, type Course, type Lesson, type LoadedLesson, type Manifest } from './types.js';

/**
 * The lessons shipped with kafka-tutor: the package's `lessons/`.
 *
 * @example
 *   loadCourse(defaultCourseDir())
 */
export function defaultCourseDir(): string {
  return packagePath('lessons');
}

/**
 * The course folder a command uses, absolute: `--course`, then KAFKA_TUTOR_COURSE, then the packaged lessons.
 *
 * @example
 *   courseDir('./my-course') // '/home/me/my-course'
 */
export function courseDir(flag?: string): string {
  const given = flag ?? process.env.KAFKA_TUTOR_COURSE;
  return given ? resolve(given) : defaultCourseDir();
}

function readLesson(dir: string): LoadedLesson {
  const lesson = JSON.parse(readFileSync(join(dir, 'lesson.json'), 'utf8')) as Lesson;
  const prose: Record<string, string> = {};
  for (const step of lesson.steps.flatMap(variantsOf)) if (step.kind === 'explain') prose[step.file] ??= readFileSync(join(dir, step.file), 'utf8');
  return { ...lesson, dir, prose };
}

/**
 * Reads and checks a course. A newer format asks for an upgrade; a broken
 * course points at `kafka-tutor dev check`.
 *
 * @example
 *   const course = loadCourse(defaultCourseDir());
 *   course.lessons.map((l) => l.id) // ['credentials', 'simple', …]
 */
export function loadCourse(folder?: string): Course {
  const dir = courseDir(folder);
  const packaged = dir === defaultCourseDir();
  const manifestPath = join(dir, 'manifest.json');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code !== undefined;
    throw new UserError(missing ? `There is no course in ${dir}: ${manifestPath} cannot be read.` : `${manifestPath} is not valid JSON (${(error as Error).message}).`, {
      fix: packaged ? 'Reinstall kafka-tutor: npm install kafka-tutor' : missing ? 'Give --course (or KAFKA_TUTOR_COURSE) the folder that holds manifest.json, or leave it out for the packaged lessons.' : `Correct the file, then: kafka-tutor dev check --course ${dir}`,
      code: 'course-missing',
    });
  }
  if (typeof manifest.formatVersion === 'number' && manifest.formatVersion > COURSE_FORMAT_VERSION) {
    throw new UserError(`These lessons need a newer kafka-tutor (lesson format ${manifest.formatVersion}; this one reads ${COURSE_FORMAT_VERSION}).`, {
      fix: 'Upgrade kafka-tutor: npm install kafka-tutor@latest',
      code: 'course-too-new',
    });
  }
  // Where answers land is an authoring rule: `dev check` (and CI) sample it, not every command that loads the course.
  const problems = checkCourse(dir, { orders: false });
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new UserError(`The course in ${dir} is broken: ${first.where} ${first.problem}.`, { fix: `${first.fix} (then kafka-tutor dev check --course ${dir} lists any other problem)`, code: 'course-broken' });
  }
  return { dir, manifest, lessons: manifest.lessons.map((id) => readLesson(join(dir, id))) };
}

/**
 * A lesson by id, or a UserError listing the ids there are.
 *
 * @example
 *   findLesson(course, 'simple').title // 'A simple producer and consumer'
 */
export function findLesson(course: Course, id: string): LoadedLesson {
  const lesson = course.lessons.find((l) => l.id === id);
  if (!lesson) throw new UserError(`There is no lesson "${id}".`, { fix: `Use one of: ${course.lessons.map((l) => l.id).join(', ')} (see kafka-tutor lessons)`, code: 'lesson-unknown' });
  return lesson;
}
