// A tiny tutor: starts a consumer through the process layer, prints its pid once
// the consumer is assigned (or at once for kill-after-<ms>: SIGKILL itself that long
// after the start, assigned or not; for hang: wait to be killed), then dies the way argv[4] says: kill (SIGKILL itself),
// term (SIGTERM itself, as `kill` or a closing terminal would), exit (process.exit) or throw (an uncaught exception).
import { startProgram } from '../../dist/engine/process/index.js';

const [topic, group, how] = process.argv.slice(2);
// The profile the test handed this tutor, passed on explicitly (a child inherits no profile).
const { KAFKA_TUTOR_BOOTSTRAP, KAFKA_TUTOR_AUTH, KAFKA_TUTOR_CLIENT_ID } = process.env;
const consumer = startProgram('consume', [topic, '--group', group], { env: { KAFKA_TUTOR_BOOTSTRAP, KAFKA_TUTOR_AUTH, KAFKA_TUTOR_CLIENT_ID } });
const early = /^kill-after-(\d+)$/.exec(how);
if (early || how === 'hang') {
  process.stdout.write(`${consumer.pid}\n`);
  // hang: the test kills this tutor when it chooses.
  if (early) setTimeout(() => process.kill(process.pid, 'SIGKILL'), Number(early[1]));
  await new Promise(() => undefined);
}
await consumer.waitFor((e) => e.type === 'assigned', { timeoutMs: 30_000, what: 'the consumer to be assigned' });
process.stdout.write(`${consumer.pid}\n`);
if (how === 'kill') process.kill(process.pid, 'SIGKILL');
if (how === 'term') {
  process.kill(process.pid, 'SIGTERM');
  await new Promise(() => undefined); // the signal ends this process
}
if (how === 'exit') process.exit(3);
throw new Error('the tutor crashed on purpose');
