/**
 * A step's `cases`: variants of its fields chosen by a variable, e.g. the
 * answer of a prediction when `{partitions}` is 1. Keys are conditions
 * `<var><op><value>` (op: = != > >= < <=); the first that holds wins, and a
 * step with no holding case runs as written.
 */
import type { Step } from './types.js';

const CONDITION = /^([a-zA-Z][\w.-]*)(!=|>=|<=|=|>|<)(.+)$/;

/** Fields a case may not change: they name the step and its kind. */
export const FIXED_FIELDS = ['id', 'kind', 'cases', 'checkpoint'] as const;

/**
 * Whether a case key is well formed (the course self-check refuses others).
 *
 * @example
 *   isCondition('partitions>1') // true
 *   isCondition('partitions is 1') // false
 */
export function isCondition(key: string): boolean {
  return CONDITION.test(key);
}

/**
 * Whether `key` holds for `vars`; numbers compare as numbers, anything else as text (= and != only).
 *
 * @example
 *   conditionHolds('partitions=1', { partitions: '1' }) // true
 *   conditionHolds('partitions>1', { partitions: '3' }) // true
 */
export function conditionHolds(key: string, vars: Record<string, string>): boolean {
  const match = CONDITION.exec(key);
  const value = match ? vars[match[1]!] : undefined;
  if (!match || value === undefined) return false;
  const [, , op, wanted] = match as unknown as [string, string, string, string];
  const [a, b] = [Number(value), Number(wanted)];
  const numeric = value.trim() !== '' && wanted.trim() !== '' && Number.isFinite(a) && Number.isFinite(b);
  switch (op) {
    case '=':
      return numeric ? a === b : value === wanted;
    case '!=':
      return numeric ? a !== b : value !== wanted;
    case '>':
      return numeric && a > b;
    case '>=':
      return numeric && a >= b;
    case '<':
      return numeric && a < b;
    default:
      return numeric && a <= b;
  }
}

/** A case's fields over the step's own; its id and kind stay. */
const withCase = <S extends Step>(step: S, fields: Record<string, unknown>): S => ({ ...step, ...fields, id: step.id, kind: step.kind }) as S;

/**
 * The step as it runs for these variables: its first holding case's fields over its own.
 *
 * @example
 *   resolveCases({ id: 'p', kind: 'predict', question: 'q', options, answer: 'split', cases: { 'partitions=1': { answer: 'one' } } }, { partitions: '1' }).answer // 'one'
 */
export function resolveCases<S extends Step>(step: S, vars: Record<string, string>): S {
  if (!step.cases) return step;
  const key = Object.keys(step.cases).find((k) => conditionHolds(k, vars));
  return key === undefined ? step : withCase(step, step.cases[key]!);
}

/**
 * Every variant a step can run as (itself, then one per case): what the course self-check checks.
 *
 * @example
 *   variantsOf(step).length // 1 + the number of cases
 */
export function variantsOf(step: Step): Step[] {
  return [step, ...Object.values(step.cases ?? {}).map((fields) => withCase(step, fields))];
}
