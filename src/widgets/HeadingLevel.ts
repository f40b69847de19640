/**
 * Heading level of a widget's title (`h1`–`h6`; default `2`). The widgets render the title as
 * `h${level}` themselves.
 *
 * @example
 * ```tsx
 * <LoginForm headingLevel={1} />
 * ```
 */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
