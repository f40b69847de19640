/**
 * Fills the `{placeholders}` of a message with values. A placeholder without a value stays as
 * written, so a missing value is visible instead of silently empty. Values are inserted as plain
 * text (React renders the result as text, never as HTML).
 *
 * @example
 * ```ts
 * formatMessage('Try again in {time}.', { time: '30 seconds' }); // 'Try again in 30 seconds.'
 * formatMessage('Hello {name}'); // 'Hello {name}'
 * ```
 */
export function formatMessage(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
