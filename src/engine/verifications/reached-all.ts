/** A message produced now reaches every listed consumer. */
import { at, param, received, waitForAll, type Verification } from './types.js';

const list = (ms: { value: string }[]) => ms.map((m) => `"${m.value}"`).join(', ') || 'nothing';

/**
 * @example
 *   await verifyReachedAll(ctx, { programs: ['earliest', 'latest'], messages: 'fresh' }, 15_000)
 */
export const verifyReachedAll: Verification = async (ctx, params, timeoutMs) => {
  const names = (params.programs as string[] | undefined) ?? [];
  const sent = ctx.run.sent[param(params, 'messages')] ?? [];
  for (const name of names) await waitForAll(ctx, name, sent, timeoutMs);
  const missing = names.filter((name) => !sent.every((m) => received(ctx, name).some((r) => at(r) === at(m))));
  return {
    ok: sent.length > 0 && missing.length === 0,
    expected: `${list(sent)} to reach ${names.join(' and ')}`,
    happened: missing.length === 0 ? `it reached ${names.join(' and ')}` : `it did not reach ${missing.join(' and ')}`,
    hint: 'Both consumers must still be running; their lines start with their names.',
  };
};
