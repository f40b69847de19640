const PATTERNS = [
  /\n\s+at [^\n]*:\d+:\d+\)?/, // V8: "    at fn (/app/x.js:1:2)"
  /\bat [\w$.<>]+ \((?:file:\/\/|\/|[A-Za-z]:\\|node:)[^)]*:\d+:\d+\)/,
  /Traceback \(most recent call last\)/, // Python
  /\bat [\w$.]+\([\w$]+\.java:\d+\)/, // Java
  /\.(?:rb|php):\d+:in `/, // Ruby / PHP
  /node:internal\//,
];

/**
 * True when a response body looks like it contains a stack trace (Node/V8, Python, Java, Ruby).
 *
 * @example
 * ```ts
 * stackTraceIn('TypeError: x\n    at handler (/srv/app.js:10:5)'); // true
 * ```
 */
export function stackTraceIn(text: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(text));
}
