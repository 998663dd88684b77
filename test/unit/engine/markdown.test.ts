import chalk from 'chalk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/engine/markdown.js';

const BOLD = '\u001b[1m';
let level: typeof chalk.level;
beforeEach(() => {
  level = chalk.level;
  chalk.level = 1;
});
afterEach(() => {
  chalk.level = level;
});

describe('renderMarkdown', () => {
  it('makes bold a **phrase** that goes on over a line break, and leaves no asterisks', () => {
    const out = renderMarkdown('Its **replication\nfactor** says how many copies exist.');
    expect(out).not.toContain('**');
    expect(out).toContain(`${BOLD}replication`);
    expect(out).toContain(`${BOLD}factor`);
    expect(out.split('\n')).toHaveLength(2);
  });

  it('keeps headings bold and fenced blocks as they are, and styles `code`', () => {
    const out = renderMarkdown('# Title\nRun `kafka-tutor check`.\n```\nnpx **not bold**\n```');
    expect(out.split('\n')[0]).toBe(`${BOLD}Title\u001b[22m`);
    expect(out).toContain('\u001b[36mkafka-tutor check\u001b[39m');
    expect(out).toContain('npx **not bold**');
  });
});
