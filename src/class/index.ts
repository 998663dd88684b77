export { createClass, type CreateOptions } from './create.js';
export { revokeStudents, NO_REVOCATION } from './revoke.js';
export { listClass, classEntries, type ClassListEntry } from './list.js';
export { provisionStudents, type ProvisionOptions, type ProvisionedStudent } from './provision.js';
export { studentAcls, describeAcl, COURSE_GROUP } from './acls.js';
export { loadCourseCa, CA_KEY_PASSWORD_ENV, type CourseCa } from './ca.js';
export { readClassRoster, parseClassRoster, type ClassStudent } from './roster.js';
export { writeStudentFolder, FOLDER_FILES } from './folder.js';
export { zipStudentFolder } from './zip.js';
