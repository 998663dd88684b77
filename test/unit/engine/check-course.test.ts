import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkCourse, checkLesson } from '../../../src/engine/check-course.js';
import { loadCourse } from '../../../src/engine/course.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/course/${name}`, import.meta.url));
const shipped = fileURLToPath(new URL('../../../lessons', import.meta.url));

describe('the course self-check', () => {
  it('finds nothing wrong with the lessons kafka-tutor ships', () => {
    expect(checkCourse(shipped)).toEqual([]);
  });

  it('finds nothing wrong with a small well-formed course', () => {
    expect(checkCourse(fixture('good'))).toEqual([]);
  });

  it('names each problem of a broken course with its fix', () => {
    const problems = checkCourse(fixture('broken'));
    const lines = problems.map((p) => `${p.where} ${p.problem} | ${p.fix}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/first\/lesson.json has no hints.*\| Add "hints"/),
        expect.stringMatching(/step "page" points at nowhere.md, which does not exist \| Create first\/nowhere.md/),
        expect.stringMatching(/has two steps with the id "page" \| Give every step its own id/),
        expect.stringMatching(/has the unknown kind "dance" \| Use one of: explain, predict/),
        expect.stringMatching(/names the unknown verification "teleported" \| Use a name listed in src\/engine\/catalog.ts/),
        expect.stringMatching(/names the group "undeclared".*\| Add "undeclared"/),
        expect.stringMatching(/^missing is listed in manifest.json but has no folder \| Create missing\/lesson.json/),
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it('refuses an ask step without a name or a message, an unknown answer kind, and a password question', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-course-ask-'));
    const steps = [
      { id: 'no-name', kind: 'ask', message: 'Your VM address?' },
      { id: 'no-message', kind: 'ask', name: 'vmUser' },
      { id: 'odd-kind', kind: 'ask', name: 'vmAddress', message: 'Address?', validate: 'email' },
      { id: 'secret', kind: 'ask', name: 'keystorePassword', message: 'The keystore password?' },
      { id: 'fine', kind: 'ask', name: 'vmFolder', message: 'Folder?', default: '{workDir}', validate: 'path' },
    ];
    writeFileSync(join(dir, 'lesson.json'), JSON.stringify({ id: 'asks', title: 'Asks', summary: 'Asks.', hints: ['Answer.'], steps }));
    const lines = checkLesson(dir, 'asks').map((p) => `${p.where} ${p.problem} | ${p.fix}`);
    expect(lines).toEqual([
      'asks/lesson.json, step "no-name" (an ask step) has no "name" | Add "name" to the step.',
      'asks/lesson.json, step "no-message" (an ask step) has no "message" | Add "message" to the step.',
      'asks/lesson.json, step "odd-kind" checks answers as the unknown "email" | Use one of: path, host, user, nonempty.',
      expect.stringMatching(/step "secret" seems to ask for a password.*\| Remove the step: kafka-tutor asks for the keystore password itself/),
    ]);
  });

  it('refuses predict steps whose place would give the answer away: one option, repeated values, labels that point at places', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-course-predict-'));
    const predict = (id: string, options: { value: string; label: string }[]) => ({ id, kind: 'predict', question: 'What happens?', options, answer: options[0]?.value });
    const steps = [
      predict('lonely', [{ value: 'a', label: 'It arrives' }]),
      predict('twice', [{ value: 'a', label: 'It arrives' }, { value: 'a', label: 'It arrives again' }, { value: 'b', label: 'It is lost' }]),
      predict('pointing', [{ value: 'a', label: 'It arrives' }, { value: 'b', label: 'It is lost' }, { value: 'c', label: 'Both of the above' }]),
      predict('fine', [{ value: 'a', label: 'It arrives' }, { value: 'b', label: 'It is lost' }, { value: 'c', label: 'Both, at different times' }]),
    ];
    writeFileSync(join(dir, 'lesson.json'), JSON.stringify({ id: 'guesses', title: 'Guesses', summary: 'Guesses.', hints: ['Guess.'], steps }));
    const lines = checkLesson(dir, 'guesses').map((p) => `${p.where} ${p.problem} | ${p.fix}`);
    expect(lines).toEqual([
      'guesses/lesson.json, step "lonely" has only one option, so its answer always sits in the same place | Give the step at least two options (at least one wrong but plausible answer).',
      'guesses/lesson.json, step "twice" has the option value "a" twice | Give every option its own "value".',
      expect.stringMatching(/step "pointing" has the option "Both of the above", which points at another option by its place.*\| Name what the option means/),
    ]);
  });

  it('refuses the shipped course when the engine would show every answer in its data place', async () => {
    // What the tutor did before: the options in data order, the answer first in each step.
    vi.resetModules();
    vi.doMock('../../../src/engine/steps/option-order.js', async (original) => ({ ...(await original<object>()), orderOptions: <T>(options: readonly T[]) => [...options] }));
    try {
      const { checkCourse: checkUnshuffled } = await import('../../../src/engine/check-course.js');
      const problems = checkUnshuffled(shipped);
      expect(problems.map((p) => p.where)).toEqual([
        'simple/lesson.json, step "predict-route"',
        'offset-reset/lesson.json, step "predict-old"',
        'offset-reset/lesson.json, step "predict-restart"',
        'interrupted-commit/lesson.json, step "predict-first"',
        'interrupted-commit/lesson.json, step "predict-rejoin"',
      ]);
      expect(problems[0]!.problem).toBe('shows its answer "topic" in place 2, 3 for none of 100 sample students (client1 … client100), so its place gives it away');
    } finally {
      vi.doUnmock('../../../src/engine/steps/option-order.js');
      vi.resetModules();
    }
  });

  it('refuses a course written for a newer kafka-tutor, asking for an upgrade', () => {
    expect(checkCourse(fixture('newer'))).toEqual([expect.objectContaining({ fix: expect.stringContaining('Upgrade kafka-tutor') })]);
    expect(() => loadCourse(fixture('newer'))).toThrow(/need a newer kafka-tutor/);
  });

  it('loads a well-formed course with its prose', () => {
    const course = loadCourse(fixture('good'));
    expect(course.lessons.map((l) => l.id)).toEqual(['first', 'second']);
    expect(course.lessons[0]?.prose['page-two.md']).toContain('The second `page`.');
  });
});
