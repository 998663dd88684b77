export { gradeCommand, defaultConcurrency, type GradeOptions } from './run.js';
export { readRoster, type Student } from './roster.js';
export { childEnv, type StudentRun } from './student.js';
export { startWorkers } from './workers.js';
export { gradeOf, gradesCsv, writeGrades, GRADES_VERSION, type StudentGrade } from './results.js';
