import type { CheckResult, ConformanceResult } from './ConformanceResult.js';

const MARK: Record<CheckResult['status'], string> = {
  pass: 'pass',
  fail: 'FAIL',
  not_applicable: 'n/a ',
  not_checked: 'skip',
};

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function describeFailure(check: CheckResult): string[] {
  const lines: string[] = [];
  if (check.message) lines.push(`what happened: ${check.message}`);
  if (check.requires) lines.push(`the contract requires: ${check.requires}`);
  if (check.request) {
    const headers = Object.entries(check.request.headers).map(([k, v]) => `${k}: ${v}`);
    lines.push(`request sent: ${check.request.method} ${check.request.url}`);
    for (const header of headers) lines.push(`  ${header}`);
    if (check.request.body !== undefined) lines.push(`  body: ${check.request.body}`);
  }
  if (check.response) {
    lines.push(`response received: ${check.response.status}`);
    for (const [k, v] of Object.entries(check.response.headers)) lines.push(`  ${k}: ${v}`);
    lines.push(`  body: ${check.response.body === '' ? '(empty)' : check.response.body}`);
  }
  return lines;
}

/**
 * Renders a result as the human-readable report: the backend and its config, then every group
 * with one line per check (`pass`, `FAIL`, `n/a` = not applicable, `skip` = not checked, each
 * of the last two with its reason), each
 * failure followed by what happened, what the contract requires, the request sent and the
 * response received (secrets redacted). The last two lines are the summary: exactly
 * `N passed, N failed`, then `N not applicable, N not checked`.
 *
 * @example
 * ```ts
 * const result = await runConformance({ baseUrl });
 * process.stdout.write(formatReport(result) + '\n');
 * ```
 */
export function formatReport(result: ConformanceResult): string {
  const out: string[] = [];
  const config = result.config;
  out.push(`latchkey conformance: ${result.baseUrl}`);
  out.push(
    config
      ? `contract ${config.contract}, ${config.transport} transport, registration ${config.registration}, features: ${
          Object.entries(config.features)
            .filter(([, on]) => on)
            .map(([name]) => name)
            .join(', ') || 'none'
        }, password ${config.password.minLength}–${config.password.maxLength}`
      : 'GET config could not be read',
  );
  out.push('');
  for (const group of result.groups) {
    out.push(group.name);
    for (const check of group.checks) {
      const reason =
        check.status === 'not_applicable' ? ` (not applicable: ${check.message ?? ''})` : check.status === 'not_checked' ? ` (not checked: ${check.message ?? ''})` : '';
      out.push(`  ${MARK[check.status]}  ${check.title} [${check.id}]${reason}`);
      if (check.status === 'fail') out.push(indent(describeFailure(check).join('\n'), '          '));
    }
    out.push('');
  }
  out.push(`finished in ${(result.durationMs / 1000).toFixed(1)} s`);
  out.push(`${result.summary.passed} passed, ${result.summary.failed} failed`);
  out.push(`${result.summary.notApplicable} not applicable, ${result.summary.notChecked} not checked`);
  return out.join('\n');
}
