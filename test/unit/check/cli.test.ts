import { describe, expect, it } from 'vitest';
import { createCli } from '../../../src/cli.js';
import { selectLessons } from '../../../src/check/run.js';
import { loadCourse } from '../../../src/engine/course.js';

describe('check and grade on the command line', () => {
  it('lists every flag of check in its help', () => {
    const { program } = createCli();
    const help = program.commands.find((c) => c.name() === 'check')!.helpInformation();
    for (const flag of ['--lesson <id>', '--json', '--junit <file>', '--timeout <seconds>', '--quiet', '--auth <folder>', '--bootstrap']) expect(help).toContain(flag);
  });

  it('lists every flag of grade in its help', () => {
    const { program } = createCli();
    const help = program.commands.find((c) => c.name() === 'grade')!.helpInformation();
    for (const flag of ['<roster>', '--out <dir>', '--concurrency <n>', '--timeout <seconds>']) expect(help).toContain(flag);
  });

  it('selects lessons in course order, all by default, and refuses an unknown one with the list', () => {
    const course = loadCourse();
    const ids = (lessons: { id: string }[]) => lessons.map((l) => l.id);
    expect(ids(selectLessons(course, undefined))).toEqual(course.manifest.lessons);
    expect(course.manifest.lessons.slice(0, 4)).toEqual(['credentials', 'simple', 'offset-reset', 'interrupted-commit']);
    expect(ids(selectLessons(course, ['simple']))).toEqual(['simple']);
    expect(() => selectLessons(course, ['streams'])).toThrow('There is no lesson "streams".');
  });
});
