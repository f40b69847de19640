/**
 * `latchkey/conformance`: the contract conformance suite. Checks any backend over HTTP, black
 * box, against the latchkey auth contract (version 1), and reports pass / fail / not applicable /
 * not checked per endpoint. The same suite runs as `latchkey check <baseUrl>`. Node 20+, no React.
 *
 * @packageDocumentation
 */
export { runConformance, CONFORMANCE_GROUPS } from './runConformance.js';
export type { ConformanceOptions, Credentials, OutboxMessage, ReadOutbox } from './ConformanceOptions.js';
export type { CheckResult, CheckStatus, ConformanceResult, ConformanceSummary, GroupResult } from './ConformanceResult.js';
export type { RequestRecord, ResponseRecord } from './Exchange.js';
export { formatReport } from './formatReport.js';
export { formatJson } from './formatJson.js';
export { outboxFromUrl } from './outboxFromUrl.js';
export { parseCheckArgs, CHECK_USAGE } from './parseCheckArgs.js';
export type { CheckArgs } from './parseCheckArgs.js';
export { runCheckCommand } from './runCheckCommand.js';
export type { CheckCommandIo } from './runCheckCommand.js';
