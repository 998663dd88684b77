// The README's benchmark table from bench outputs: a bench's lines that start with `result:`
// (its summary figures), else its last line; headed by the machine and its load when measured.
import { cpus, loadavg, totalmem } from 'node:os';

const figures = (stdout) => {
  const lines = stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  const results = lines.filter((line) => line.startsWith('result:')).map((line) => line.slice('result:'.length).trim());
  return results.length > 0 ? results : lines.slice(-1);
};
const cell = (text) => text.replaceAll('|', '\\|');

/** The machine a table was measured on, e.g. '2 × AMD EPYC …, 7.8 GiB, Node v22.…, Linux; load average 0.40 0.52 0.61'. */
export function machineLine() {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;
}

/**
 * A Markdown table, one row per bench.
 *
 * @example
 *   markdownTable([{ name: 'produce.mjs', stdout: 'result: 0.61x kcat\n', status: 0 }])
 */
export function markdownTable(outputs) {
  const rows = outputs.map(({ name, stdout, status }) => `| \`bench/${name}\` | ${status === 0 ? figures(stdout).map(cell).join('<br>') : `failed (exit ${status})`} |`);
  return [`Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`, '', '| Bench | Result |', '| --- | --- |', ...rows].join('\n');
}
