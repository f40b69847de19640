import type { OptionSpec } from './parseOptions.js';

/**
 * The parts of one command's `--help` text.
 *
 * @example
 * ```ts
 * const help: HelpText = { usage: 'latchkey serve [options]', summary: 'Run the server.', options: [] };
 * ```
 */
export interface HelpText {
  readonly usage: string | readonly string[];
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  readonly sections?: readonly { readonly title: string; readonly lines: readonly string[] }[];
}

/**
 * Renders help text: usage, summary, then one block per option with its flag, its environment
 * variable, its allowed values and its default.
 *
 * @example
 * ```ts
 * process.stdout.write(formatHelp({ usage: 'latchkey check <url>', summary: 'Check a backend.', options: [] }));
 * ```
 */
export function formatHelp(help: HelpText): string {
  const lines: string[] = [];
  const usages = typeof help.usage === 'string' ? [help.usage] : help.usage;
  lines.push(`Usage: ${usages[0] ?? ''}`);
  for (const usage of usages.slice(1)) lines.push(`       ${usage}`);
  lines.push('', help.summary);
  if (help.options.length > 0) {
    lines.push('', 'Options:');
    for (const spec of help.options) {
      const short = spec.short ? `-${spec.short}, ` : '';
      const value = spec.kind === 'boolean' ? '' : ` <${spec.placeholder ?? placeholderFor(spec)}>`;
      lines.push(`  ${short}--${spec.name}${value}`);
      const details: string[] = [spec.description];
      if (spec.kind === 'enum' && spec.values) details.push(`One of: ${spec.values.join(', ')}.`);
      if (spec.kind === 'list') details.push('Comma separated; the flag may repeat.');
      const extra: string[] = [];
      if (spec.env) extra.push(`env ${spec.env}`);
      if (spec.defaultText) extra.push(`default ${spec.defaultText}`);
      if (extra.length > 0) details.push(`(${extra.join('; ')})`);
      for (const line of wrap(details.join(' '), 72)) lines.push(`      ${line}`);
    }
  }
  lines.push('  -h, --help', '      Show this help.');
  for (const section of help.sections ?? []) {
    lines.push('', `${section.title}:`);
    for (const line of section.lines) lines.push(line === '' ? '' : `  ${line}`);
  }
  return `${lines.join('\n')}\n`;
}

function placeholderFor(spec: OptionSpec): string {
  switch (spec.kind) {
    case 'int':
      return 'n';
    case 'enum':
      return (spec.values ?? []).join('|');
    case 'url':
      return 'url';
    case 'duration':
      return 'duration';
    case 'list':
      return 'a,b';
    default:
      return 'value';
  }
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') out.push(line);
  return out;
}
