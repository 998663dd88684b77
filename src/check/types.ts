/**
 * The shape of a `kafka-tutor check` run: what graders read (`--json`,
 * docs/check-schema.json), what the table and JUnit XML show.
 */

/** Bump on any incompatible change of the `--json` output; docs/check-schema.json follows. */
export const CHECK_SCHEMA_VERSION = 1;

export type TestStatus = 'pass' | 'fail' | 'error' | 'skipped';

/** One check of one lesson: a test in autograder terms. */
export interface TestResult {
  /** `<lesson>: <check title>`, unique in a report. */
  name: string;
  lesson: string;
  check: string;
  status: TestStatus;
  /** What happened, in one sentence (for a failure: the sentence the interactive lessons give). */
  message: string;
  fix?: string;
  /** A stable identifier of the failure (src/credentials/failures.ts or src/kafka/errors.ts), when known. */
  failure_id?: string;
  /** Seconds. */
  duration: number;
  points: number;
  max_points: number;
}

export interface GroupEvidence {
  group_id: string;
  state: string;
  members: number;
  /** Committed offsets on the student's topic (next offset to read); empty when the group never committed. */
  offsets: { partition: number; offset: number }[];
  /** The interactive lesson that created the group, from the progress file. */
  lesson?: string;
}

export interface LessonProgressEvidence {
  lesson: string;
  status: string;
  started_at?: string;
  finished_at?: string;
}

export interface Evidence {
  /** The student's consumer groups with their committed offsets on the topic, read from the cluster. */
  groups: GroupEvidence[];
  /** Why the groups could not be read (e.g. an ACL), when they could not. */
  groups_error?: string;
  /** What the progress file records of interactive lessons, or null when there is none. */
  progress: { path: string; updated_at: string; lessons: LessonProgressEvidence[] } | null;
}

export type ReportStatus = 'pass' | 'fail' | 'error';

export interface CheckReport {
  version: number;
  /** pass: every test passed; fail: some did not; error: the check could not run (see `error`). */
  status: ReportStatus;
  client_id: string | null;
  topic: string | null;
  bootstrap: string[];
  run_id: string;
  started_at: string;
  /** Seconds for the whole run. */
  duration: number;
  points: number;
  max_points: number;
  tests: TestResult[];
  evidence: Evidence | null;
  error?: { code: string; message: string; fix?: string };
}

/** Exit codes of `check` (and of each student's run under `grade`). */
export const EXIT = { passed: 0, failed: 1, couldNotRun: 2 } as const;

/**
 * The exit code a report stands for.
 *
 * @example
 *   exitCodeOf({ status: 'fail' } as CheckReport) // 1
 */
export function exitCodeOf(report: Pick<CheckReport, 'status'>): number {
  return report.status === 'pass' ? EXIT.passed : report.status === 'fail' ? EXIT.failed : EXIT.couldNotRun;
}
