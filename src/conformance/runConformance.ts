import { checkAccount } from './checks/account.js';
import { checkConfig } from './checks/config.js';
import { checkAggregates, checkGeneral } from './checks/general.js';
import { checkPasswords } from './checks/password.js';
import { checkRegister } from './checks/register.js';
import { checkSessions } from './checks/session.js';
import { checkThrottle } from './checks/throttle.js';
import type { ConformanceOptions } from './ConformanceOptions.js';
import type { CheckResult, ConformanceResult, GroupResult } from './ConformanceResult.js';
import { Suite } from './Suite.js';

/**
 * The groups a run can be limited to with `only`, in report order.
 *
 * @example
 * ```ts
 * CONFORMANCE_GROUPS.includes('csrf'); // true
 * ```
 */
export const CONFORMANCE_GROUPS = [
  'config',
  'general',
  'session',
  'login',
  'logout',
  'refresh',
  'csrf',
  'register',
  'email/verify',
  'password/forgot',
  'password/reset',
  'password/change',
  'username/forgot',
  'user',
  'verify',
  'admin/users',
  'admin/invites',
] as const;

/**
 * Runs the contract conformance suite against a backend over HTTP and answers the result,
 * grouped by endpoint. Black box: it only speaks the contract (plain fetch, its own cookie jar per
 * simulated browser), reads `GET config` first and checks every endpoint the config offers.
 * Never throws for a misbehaving backend (that is a failed check); throws `TypeError` for bad
 * options.
 *
 * @example
 * ```ts
 * import { formatReport, runConformance } from 'latchkey/conformance';
 *
 * const result = await runConformance({ baseUrl: 'http://127.0.0.1:3000/api/auth' });
 * console.log(formatReport(result));
 * process.exitCode = result.ok ? 0 : 1;
 * ```
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceResult> {
  if (options === null || typeof options !== 'object') throw new TypeError('runConformance: options must be an object with a baseUrl');
  if (options.only) {
    const unknown = options.only.filter((g) => !(CONFORMANCE_GROUPS as readonly string[]).includes(g.trim().replace(/^\/+|\/+$/g, '')));
    if (unknown.length) throw new TypeError(`runConformance: unknown group(s) in only: ${unknown.join(', ')} (groups: ${CONFORMANCE_GROUPS.join(', ')})`);
  }
  const suite = new Suite(options);
  const startedAt = new Date();
  const started = performance.now();

  if (await checkConfig(suite)) {
    await checkGeneral(suite);
    await checkSessions(suite);
    await checkRegister(suite);
    await checkAccount(suite);
    await checkPasswords(suite);
    await checkThrottle(suite);
    await checkAggregates(suite);
  } else {
    for (const group of CONFORMANCE_GROUPS) {
      if (group !== 'config' && suite.selected(group)) suite.skip(group, 'all', `every ${group} check`, 'not_checked', 'GET config could not be read, so nothing else can be checked');
    }
  }

  const byGroup = new Map<string, CheckResult[]>();
  for (const group of CONFORMANCE_GROUPS) byGroup.set(group, []);
  for (const result of suite.results) {
    const list = byGroup.get(result.group) ?? [];
    list.push(result);
    byGroup.set(result.group, list);
  }
  const groups: GroupResult[] = [...byGroup.entries()].filter(([, checks]) => checks.length > 0).map(([name, checks]) => ({ name, checks }));
  const count = (status: CheckResult['status']): number => suite.results.filter((r) => r.status === status).length;
  const summary = { passed: count('pass'), failed: count('fail'), notApplicable: count('not_applicable'), notChecked: count('not_checked') };
  return {
    baseUrl: suite.settings.baseUrl,
    config: suite.config,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    groups,
    summary,
    ok: summary.failed === 0,
  };
}
