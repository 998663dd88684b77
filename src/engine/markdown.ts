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
  for (const line of text.replace(/\r\n/g, '\n').trimEnd().split('\n')) {
    if (line.startsWith('```')) {
      fenced = !fenced;
      continue;
    }
    if (fenced) lines.push(chalk.cyan(`  ${line}`));
    else if (/^#{1,6}\s/.test(line)) lines.push(chalk.bold(line.replace(/^#{1,6}\s+/, '')));
    else lines.push(line.replace(/`([^`]+)`/g, (_, code: string) => chalk.cyan(code)).replace(/\*\*([^*]+)\*\*/g, (_, b: string) => chalk.bold(b)));
  }
  return lines.join('\n');
}
