import chalk from 'chalk';

/**
 * Renders the little Markdown lesson prose uses for a terminal: headings in
 * bold, `code` in cyan, fenced blocks indented. Without colour it stays plain text.
 *
 * @example
 *   renderMarkdown('# Offsets\nA `group.id` names …') // '\u001b[1mOffsets\u001b[22m\nA \u001b[36mgroup.id\u001b[39m names …'
 */
export function renderMarkdown(text: string): string {
  let fenced = false;
  const lines: string[] = [];
  // Plain lines are styled a run at a time: **bold** or `code` may go on over a line break.
  let plain: string[] = [];
  const flush = () => {
    if (plain.length > 0) lines.push(plain.join('\n').replace(/`([^`]+)`/g, (_, code: string) => chalk.cyan(code)).replace(/\*\*([^*]+)\*\*/g, (_, b: string) => chalk.bold(b)));
    plain = [];
  };
  for (const line of text.replace(/\r\n/g, '\n').trimEnd().split('\n')) {
    if (line.startsWith('```')) {
      flush();
      fenced = !fenced;
      continue;
    }
    if (fenced) lines.push(chalk.cyan(`  ${line}`));
    else if (/^#{1,6}\s/.test(line)) {
      flush();
      lines.push(chalk.bold(line.replace(/^#{1,6}\s+/, '')));
    } else plain.push(line);
  }
  flush();
  return lines.join('\n');
}
