/**
 * `kafka-tutor class revoke <client_id>…`: removes the students' ACLs. Kafka has no
 * certificate revocation, so the certificate stays valid; without ACLs it opens nothing.
 */
import { UserError } from '../errors.js';
import { out } from '../ui/output.js';
import { CLIENT_ID } from './roster.js';

export const NO_REVOCATION =
  'Kafka does not check certificate revocation, so their certificates stay valid until they expire: they can still connect, but with no ACLs the broker refuses them every topic and group.';

/**
 * Deletes every ACL of each student's principal and returns the exit code (1 when a student had none).
 *
 * @example
 *   await revokeStudents(['client45'], { adminConfig: 'admin.properties' });
 */
export async function revokeStudents(clientIds: string[], options: { adminConfig: string }): Promise<number> {
  const bad = clientIds.find((id) => !CLIENT_ID.test(id));
  if (bad !== undefined) throw new UserError(`"${bad}" is not a client id.`, { fix: 'Give the client ids as in the roster, e.g. kafka-tutor class revoke client45 --admin-config admin.properties', code: 'class-client-id', exitCode: 2 });
  const { adminConfigFromProperties } = await import('../kafka/admin-config.js');
  const { withClusterAdmin } = await import('../kafka/admin.js');
  const config = await adminConfigFromProperties(options.adminConfig);
  const deleted = await withClusterAdmin(config, async (admin) => {
    const counts: [string, number][] = [];
    for (const id of clientIds) counts.push([id, (await admin.deleteAclsOf(`User:${id}`)).length]);
    return counts;
  });
  for (const [id, count] of deleted) out(count > 0 ? `${id}: removed ${count} ACL${count === 1 ? '' : 's'} of User:${id}.` : `${id}: User:${id} had no ACLs (already revoked, or a typo?).`);
  out(NO_REVOCATION);
  out('Their topics and data stay; delete a topic with your cluster\'s tools if you need to.');
  return deleted.every(([, count]) => count > 0) ? 0 : 1;
}
