/**
 * Predict steps: the options in each student's own order, the same order on
 * every visit, and a bare Enter that takes the first option shown, not the answer.
 */
import { describe, expect, it } from 'vitest';
import { emptyRunState } from '../../../../src/engine/context.js';
import { runPredict } from '../../../../src/engine/steps/explain.js';
import { orderOptions, predictSeed } from '../../../../src/engine/steps/option-order.js';
import type { LoadedLesson, PredictStep } from '../../../../src/engine/types.js';
import { KEYS, scriptTerminal } from '../../../support/terminal-script.js';

const step: PredictStep = {
  id: 'predict-old',
  kind: 'predict',
  question: 'Which consumer prints the messages already in {topic}?',
  options: [
    { value: 'earliest', label: 'Only the earliest one' },
    { value: 'latest', label: 'Only the latest one' },
    { value: 'both', label: 'Both' },
    { value: 'neither', label: 'Neither' },
  ],
  answer: 'earliest',
};
const lesson = { id: 'offset-reset', steps: [step] } as unknown as LoadedLesson;

/** Shows the step to a student and returns the options on screen, and what a bare Enter recorded. */
async function showTo(clientId: string): Promise<{ shown: string[]; enter: string | undefined }> {
  const script = scriptTerminal();
  const run = emptyRunState();
  const done = runPredict(step, { terminal: script.terminal, run, vars: { clientId, topic: clientId }, lesson });
  await script.waitFor(`Predict: Which consumer prints the messages already in ${clientId}?`);
  const shown = script.options();
  script.press(KEYS.enter);
  await done;
  return { shown, enter: run.predictions[step.id] };
}

describe('a predict step, with a scripted terminal', () => {
  it('shows the options in the student\'s own order, and Enter takes the first shown', async () => {
    const { shown, enter } = await showTo('client45');
    const expected = orderOptions(step.options, predictSeed('client45', 'offset-reset', 'predict-old'));
    expect(shown).toEqual(expected.map((o) => o.label));
    expect(shown).toHaveLength(4);
    expect(enter).toBe(expected[0]!.value);
  });

  it('shows one student the same order each time (a resumed lesson), and other students other orders', async () => {
    const first = await showTo('client45');
    const again = await showTo('client45');
    expect(again.shown).toEqual(first.shown);
    const others = await Promise.all(['client1', 'client2', 'client3', 'client7'].map((id) => showTo(id)));
    const orders = new Set([first, ...others].map((o) => o.shown.join(' | ')));
    expect(orders.size).toBeGreaterThan(1);
    // Enter is not the answer for everyone: the first option shown varies with the student.
    expect(new Set([first, ...others].map((o) => o.enter)).size).toBeGreaterThan(1);
  });

  it('records the option the student moves to', async () => {
    const script = scriptTerminal();
    const run = emptyRunState();
    const done = runPredict(step, { terminal: script.terminal, run, vars: { clientId: 'client3', topic: 'client3' }, lesson });
    await script.waitFor('Predict:');
    script.choose('Only the earliest one');
    await done;
    expect(run.predictions[step.id]).toBe('earliest');
  });
});

describe('the order of a predict step\'s options', () => {
  it('is a permutation, stable for a seed, and puts the answer in every place across students', () => {
    const seed = predictSeed('client9', 'simple', 'predict-route');
    expect(orderOptions(step.options, seed)).toEqual(orderOptions(step.options, seed));
    expect([...orderOptions(step.options, seed)].sort((a, b) => a.value.localeCompare(b.value))).toEqual([...step.options].sort((a, b) => a.value.localeCompare(b.value)));
    const places = Array.from({ length: 40 }, (_, n) => orderOptions(step.options, predictSeed(`client${n + 1}`, 'offset-reset', 'predict-old')).findIndex((o) => o.value === 'earliest'));
    expect(new Set(places)).toEqual(new Set([0, 1, 2, 3]));
  });
});
