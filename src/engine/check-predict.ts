/**
 * The course self-check's rules for predict steps: the place of an option must
 * tell nothing. The engine shuffles the options per student (option-order.ts);
 * these rules refuse what a shuffle cannot hide.
 */
import { orderOptions, predictSeed } from './steps/option-order.js';
import type { PredictStep } from './types.js';

/** How many students the place of each answer is tried for: client1 … client100, as the course names them. */
export const SAMPLE_STUDENTS = 100;

// A label that points at another option by its place reads wrong once the options are shuffled.
const POSITIONAL = /\b(above|below)\b|\b(first|second|third|last|previous|next|other) (option|answer|choice)s?\b|\boption [a-d1-9]\b/i;

/**
 * Problems of one predict step's options (its answer is known to be one of them):
 * fewer than two, repeated values, a label that refers to a place, or an answer
 * that some place never shows for any of the sample students (client1 … client100),
 * so that its place would give it away.
 *
 * @example
 *   checkOptionOrder({ id: 'p', kind: 'predict', question: '?', options: [{ value: 'a', label: 'A' }], answer: 'a' }, 'simple')
 *   // [{ problem: 'has only one option, …', fix: … }]
 */
export function checkOptionOrder(step: PredictStep, lessonId: string): { problem: string; fix: string }[] {
  const { options } = step;
  if (options.length < 2) return [{ problem: 'has only one option, so its answer always sits in the same place', fix: 'Give the step at least two options (at least one wrong but plausible answer).' }];
  const problems: { problem: string; fix: string }[] = [];
  const values = options.map((o) => o.value);
  const repeated = values.filter((v, i) => values.indexOf(v) !== i);
  for (const option of options) {
    if (POSITIONAL.test(option.label)) problems.push({ problem: `has the option "${option.label}", which points at another option by its place, but each student sees the options in another order`, fix: 'Name what the option means instead of where it sits.' });
  }
  // Which of two equal values is the answer cannot be told, so its place cannot be either.
  if (repeated.length > 0) return [{ problem: `has the option value "${repeated[0]}" twice`, fix: 'Give every option its own "value".' }, ...problems];
  const seen = new Set<number>();
  for (let n = 1; n <= SAMPLE_STUDENTS; n += 1) seen.add(orderOptions(options, predictSeed(`client${n}`, lessonId, step.id)).findIndex((o) => o.value === step.answer));
  const never = options.map((_, place) => place).filter((place) => !seen.has(place));
  if (never.length > 0) {
    problems.push({
      problem: `shows its answer "${step.answer}" in place ${never.map((p) => p + 1).join(', ')} for none of ${SAMPLE_STUDENTS} sample students (client1 … client${SAMPLE_STUDENTS}), so its place gives it away`,
      fix: 'Make the shuffle in src/engine/steps/option-order.ts move every option (a working one misses a place only with very many options: then use fewer).',
    });
  }
  return problems;
}
