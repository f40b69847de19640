/**
 * The parts of a form widget an app can give its own class names (`classNames` prop). Each slot
 * is added next to the default `lk-*` class, so the default theme and the app's CSS can coexist.
 *
 * @example
 * ```tsx
 * <LoginForm classNames={{ root: 'card', input: 'input', submit: 'btn btn-primary' }} />
 * ```
 */
export interface FormClassNames {
  /** The `<form>` (or the widget's outermost element). */
  root?: string;
  /** The heading. */
  title?: string;
  /** The introduction paragraph under the heading. */
  intro?: string;
  /** Each field wrapper (label + control + hint + error). */
  field?: string;
  /** Each `<label>`. */
  label?: string;
  /** Each `<input>`. */
  input?: string;
  /** Each hint under a field. */
  hint?: string;
  /** Each per-field error message. */
  fieldError?: string;
  /** The show/hide password button. */
  passwordToggle?: string;
  /** A checkbox row (remember me, extra checkbox fields). */
  checkbox?: string;
  /** The form error summary (`role="alert"`). */
  alert?: string;
  /** The success message (`aria-live="polite"`). */
  status?: string;
  /** The rate-limit countdown. */
  countdown?: string;
  /** The submit button. */
  submit?: string;
  /** Secondary buttons. */
  button?: string;
  /** The list of links under the form. */
  links?: string;
  /** Each link. */
  link?: string;
}
