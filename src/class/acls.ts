/**
 * The ACLs that confine a student to their own topic and groups, in Kafka protocol
 * numbers (the same the sandbox and any course cluster use).
 */
import type { AclEntry } from '../kafka/admin.js';

/** The course's consumer group, which every student may use. */
export const COURSE_GROUP = 'simple_consumer';

// Kafka protocol codes (AclResourceType, PatternType, AclOperation, AclPermissionType).
const TOPIC = 2, GROUP = 3, LITERAL = 3, PREFIXED = 4, ALLOW = 3;
const READ = 3, WRITE = 4, DELETE = 6, DESCRIBE = 8;

/**
 * A student's ACLs: read/write/describe on their topic; read/describe/delete on groups
 * prefixed with their client id (delete: the lessons reset their own groups); read/describe
 * on the course's `simple_consumer`. Nothing else: the authorizer denies the rest.
 *
 * @example
 *   studentAcls({ clientId: 'client1', topic: 'client1' }).length; // 8
 */
export function studentAcls(student: { clientId: string; topic: string }): AclEntry[] {
  const principal = `User:${student.clientId}`;
  const entry = (resourceType: number, resourceName: string, resourcePatternType: number, operation: number): AclEntry => ({
    resourceType, resourceName, resourcePatternType, principal, host: '*', operation, permissionType: ALLOW,
  });
  return [
    ...[READ, WRITE, DESCRIBE].map((op) => entry(TOPIC, student.topic, LITERAL, op)),
    ...[READ, DESCRIBE, DELETE].map((op) => entry(GROUP, student.clientId, PREFIXED, op)),
    ...[READ, DESCRIBE].map((op) => entry(GROUP, COURSE_GROUP, LITERAL, op)),
  ];
}

const NAMES = {
  resource: { 2: 'topic', 3: 'group', 4: 'cluster', 5: 'transactional-id' } as Record<number, string>,
  pattern: { 3: '', 4: '*' } as Record<number, string>,
  operation: { 2: 'all', 3: 'read', 4: 'write', 5: 'create', 6: 'delete', 7: 'alter', 8: 'describe' } as Record<number, string>,
};

/**
 * One ACL as a person reads it.
 *
 * @example
 *   describeAcl(studentAcls({ clientId: 'c1', topic: 'c1' })[0]!) // 'read topic c1'
 */
export function describeAcl(acl: AclEntry): string {
  const deny = acl.permissionType === 2 ? 'DENY ' : '';
  return `${deny}${NAMES.operation[acl.operation] ?? `op${acl.operation}`} ${NAMES.resource[acl.resourceType] ?? `type${acl.resourceType}`} ${acl.resourceName}${NAMES.pattern[acl.resourcePatternType] ?? ''}`;
}
