import type { ReactNode } from 'react';

/**
 * Heading level of a widget's title (`h1`–`h6`; default `2`).
 *
 * @example
 * ```tsx
 * <LoginForm headingLevel={1} />
 * ```
 */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Renders the title of a widget at the chosen level. Internal helper.
 *
 * @example
 * ```tsx
 * <Heading level={2} id={titleId} className="lk-title">Sign in</Heading>
 * ```
 */
export function Heading({ level = 2, id, className, children }: { level?: HeadingLevel | undefined; id?: string; className?: string; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}
