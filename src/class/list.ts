/**
 * `kafka-tutor class list`: each principal with ACLs, its topic and whether that topic exists.
 */
import { out } from '../ui/output.js';
import { describeAcl } from './acls.js';
import type { AclEntry } from '../kafka/admin.js';

export interface ClassListEntry {
  clientId: string;
  topic: string;
  topicExists: boolean;
  acls: string[];
}

const TOPIC = 2, LITERAL = 3;

/**
 * Groups ACLs by principal: a student's topic is the literal topic named after them,
 * else the first literal topic they may use.
 *
 * @example
 *   classEntries(acls, new Set(['client45']))[0] // { clientId: 'client45', topic: 'client45', topicExists: true, acls: [...] }
 */
export function classEntries(acls: AclEntry[], topics: Set<string>): ClassListEntry[] {
  const byPrincipal = new Map<string, AclEntry[]>();
  for (const acl of acls) if (acl.principal.startsWith('User:')) byPrincipal.set(acl.principal, [...(byPrincipal.get(acl.principal) ?? []), acl]);
  return [...byPrincipal.entries()]
    .map(([principal, own]) => {
      const clientId = principal.slice('User:'.length);
      const literalTopics = own.filter((a) => a.resourceType === TOPIC && a.resourcePatternType === LITERAL).map((a) => a.resourceName);
      const topic = literalTopics.includes(clientId) ? clientId : (literalTopics[0] ?? clientId);
      return { clientId, topic, topicExists: topics.has(topic), acls: own.map(describeAcl).sort() };
    })
    .sort((a, b) => a.clientId.localeCompare(b.clientId, 'en', { numeric: true }));
}

/**
 * Prints the class as the cluster sees it; `json` prints the entries for scripts.
 *
 * @example
 *   await listClass({ adminConfig: 'admin.properties', json: false });
 */
export async function listClass(options: { adminConfig: string; json: boolean }): Promise<number> {
  const { adminConfigFromProperties } = await import('../kafka/admin-config.js');
  const { withClusterAdmin } = await import('../kafka/admin.js');
  const config = await adminConfigFromProperties(options.adminConfig);
  const entries = await withClusterAdmin(config, async (admin) => classEntries(await admin.describeAcls(), await admin.listTopics()));
  if (options.json) {
    out(JSON.stringify(entries, null, 2));
    return 0;
  }
  if (entries.length === 0) out('No principal has ACLs on this cluster yet: kafka-tutor class create adds students.');
  for (const e of entries) {
    out(`${e.clientId}  topic ${e.topic} ${e.topicExists ? '(exists)' : '(MISSING)'}  ${e.acls.length} ACLs`);
    out(`  ${e.acls.join(', ')}`);
  }
  return 0;
}
