/**
 * The inline style of text for screen readers only (on a `<span>`), so it stays hidden without the
 * theme CSS too. Internal helper.
 *
 * @example
 * ```tsx
 * <span style={visuallyHidden}>Loading account…</span>
 * ```
 */
export const visuallyHidden = {
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
