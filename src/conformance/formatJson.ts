import type { ConformanceResult } from './ConformanceResult.js';

/**
 * Renders a result as JSON for machines (`latchkey check --json`): the {@link ConformanceResult}
 * object, pretty-printed. Secrets are already redacted in the result.
 *
 * @example
 * ```ts
 * const result = await runConformance({ baseUrl });
 * const parsed = JSON.parse(formatJson(result)) as ConformanceResult;
 * ```
 */
export function formatJson(result: ConformanceResult): string {
  return JSON.stringify(result, null, 2);
}
