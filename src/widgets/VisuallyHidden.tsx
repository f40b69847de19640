import type { ReactNode } from 'react';

const style = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/**
 * Text for screen readers only. Hidden with an inline style, so it stays hidden without the
 * theme CSS too. Internal helper.
 *
 * @example
 * ```tsx
 * <VisuallyHidden>Loading account…</VisuallyHidden>
 * ```
 */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span style={style}>{children}</span>;
}
