import { importOptional } from './importOptional.js';
import type { CliCommand } from './runCli.js';

/**
 * `latchkey check <baseUrl> [options]`: the contract conformance suite (`latchkey/conformance`)
 * against any backend; exit code 1 when a check fails, 2 for a usage mistake.
 *
 * @example
 * ```ts
 * const code = await checkCommand.run(['http://127.0.0.1:8787/api/auth', '--json'], io);
 * ```
 */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Check any backend against the latchkey auth contract (exit 1 on a failed check).',
  async run(argv, io) {
    const { runCheckCommand } = await importOptional(() => import('../conformance/index.js'), 'check');
    return runCheckCommand(argv, io);
  },
};
