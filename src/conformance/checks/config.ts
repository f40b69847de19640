import { AuthConfigSchema } from '../../contract/index.js';
import { NoAnswerError } from '../Browser.js';
import type { Exchange } from '../Exchange.js';
import { describeIssues, fail, notChecked } from '../Suite.js';
import type { Suite } from '../Suite.js';

/**
 * Reads `GET config` (always, whatever `only` says: every other check depends on it) and checks
 * the discovery document. Answers `false` when there is no usable config.
 *
 * @example
 * ```ts
 * if (!(await checkConfig(suite))) return; // nothing else can run
 * ```
 */
export async function checkConfig(suite: Suite): Promise<boolean> {
  let x: Exchange | null = null;
  let problem: string | null = null;
  try {
    x = await suite.browser().get('config');
    const parsed = AuthConfigSchema.safeParse(x.json);
    if (x.status !== 200) problem = `GET config answered ${x.status}`;
    else if (!parsed.success) problem = `GET config answered a body that does not match the contract: ${describeIssues(parsed.error)}`;
    else suite.config = parsed.data;
  } catch (error) {
    if (!(error instanceof NoAnswerError)) throw error;
    problem = error.message;
  }
  const answer = x;

  await suite.check('config', 'shape', 'GET config answers 200 with a valid discovery document', async () => {
    if (problem) fail(problem, { ...(answer ? { exchange: answer } : {}), requires: 'GET config → 200 {"contract": 1, "transport", "registration", "features", "password"}' });
  }, problem !== null);
  if (!suite.config) return false;
  const config = suite.config;

  await suite.check('config', 'transport', 'the transport is the one expected', async () => {
    const expected = suite.settings.expectedTransport;
    if (!expected) notChecked(`no transport was asked for (--transport); the backend says ${config.transport}`);
    if (config.transport !== expected) fail(`GET config says transport "${config.transport}", expected "${expected}"`, { ...(answer ? { exchange: answer } : {}), requires: `transport "${expected}" (--transport)` });
  });

  await suite.check('config', 'password-policy', 'the password policy is within the contract bounds', async () => {
    const { minLength, maxLength } = config.password;
    const problems: string[] = [];
    if (minLength < 8) problems.push(`minLength ${minLength} is below 8`);
    if (maxLength < 64) problems.push(`maxLength ${maxLength} is below 64`);
    if (minLength > maxLength) problems.push(`minLength ${minLength} exceeds maxLength ${maxLength}`);
    if (problems.length) fail(problems.join('; '), { ...(answer ? { exchange: answer } : {}), requires: 'password.minLength ≥ 8, password.maxLength ≥ 64, minLength ≤ maxLength' });
  });
  return true;
}
