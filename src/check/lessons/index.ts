import type { LessonCheck } from '../context.js';
import { interruptedCommitLesson } from './interrupted-commit.js';
import { offsetResetLesson } from './offset-reset.js';
import { simpleLesson } from './simple.js';

export { CREDENTIALS_LESSON } from './credentials.js';

/** The Kafka lessons after "Kafka credentials", in the course's order. */
export const KAFKA_LESSONS: LessonCheck[] = [simpleLesson, offsetResetLesson, interruptedCommitLesson];

/** Every lesson id `check --lesson` accepts, in order (agrees with lessons/manifest.json). */
export const LESSON_IDS = ['credentials', ...KAFKA_LESSONS.map((l) => l.id)] as const;
