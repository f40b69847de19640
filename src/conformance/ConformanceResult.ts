import type { AuthConfig } from '../contract/index.js';
import type { RequestRecord, ResponseRecord } from './Exchange.js';

/**
 * The outcome of one check: `pass`; `fail` (the backend broke the contract); `not_applicable`
 * (the contract does not ask for it of this backend, e.g. refresh rotation in cookie mode);
 * `not_checked` (it applies, but the suite could not set up what it needs, e.g. no outbox hook).
 *
 * @example
 * ```ts
 * const bad = (s: CheckStatus) => s === 'fail';
 * ```
 */
export type CheckStatus = 'pass' | 'fail' | 'not_applicable' | 'not_checked';

/**
 * One check's result. A failure carries `message` (what went wrong), `requires` (what the
 * contract asks for) and, when a request was involved, the request sent and the response
 * received (passwords, tokens and cookie values redacted). `not_applicable` and `not_checked`
 * carry the `message` saying why.
 *
 * @example
 * ```ts
 * const line = (c: CheckResult) => `${c.id}: ${c.status}${c.message ? ` (${c.message})` : ''}`;
 * ```
 */
export interface CheckResult {
  /** Stable id, `group.name` (`login.enumeration-parity`). */
  readonly id: string;
  readonly group: string;
  /** What the check asserts, in one line. */
  readonly title: string;
  readonly status: CheckStatus;
  readonly message?: string;
  readonly requires?: string;
  readonly request?: RequestRecord;
  readonly response?: ResponseRecord;
  readonly durationMs: number;
}

/**
 * The checks of one group: an endpoint (`login`, `password/reset`, `admin/users`) or a
 * cross-cutting concern (`general`, `csrf`).
 *
 * @example
 * ```ts
 * const failed = (g: GroupResult) => g.checks.filter((c) => c.status === 'fail');
 * ```
 */
export interface GroupResult {
  readonly name: string;
  readonly checks: readonly CheckResult[];
}

/**
 * Counts per status.
 *
 * @example
 * ```ts
 * const s: ConformanceSummary = { passed: 80, failed: 0, notApplicable: 4, notChecked: 3 };
 * ```
 */
export interface ConformanceSummary {
  readonly passed: number;
  readonly failed: number;
  readonly notApplicable: number;
  readonly notChecked: number;
}

/**
 * The whole run: what was checked against which backend, grouped by endpoint, with counts.
 * `ok` is true when nothing failed (the CLI exits 1 otherwise).
 *
 * @example
 * ```ts
 * const result = await runConformance({ baseUrl });
 * if (!result.ok) console.error(formatReport(result));
 * ```
 */
export interface ConformanceResult {
  readonly baseUrl: string;
  /** The `GET config` answer, `null` when it could not be read. */
  readonly config: AuthConfig | null;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly groups: readonly GroupResult[];
  readonly summary: ConformanceSummary;
  readonly ok: boolean;
}
