/**
 * Joins class names, skipping empty ones. Internal helper of the widgets.
 *
 * @example
 * ```ts
 * cx('lk-form', undefined, false, 'app-login'); // 'lk-form app-login'
 * ```
 */
export function cx(...names: ReadonlyArray<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
