import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode, RefAttributes } from 'react';
import type { FormClassNames } from './classNames.js';
import { cx } from './cx.js';

/**
 * Props of {@link Field}: every `<input>` attribute, plus the label, an optional hint and error.
 *
 * @example
 * ```tsx
 * const props: FieldProps = { label: 'Email', type: 'email', autoComplete: 'email', error: null };
 * ```
 */
export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> {
  /** The visible label, linked to the input by id. */
  label: ReactNode;
  /** Help text under the label, linked with `aria-describedby`. */
  hint?: ReactNode;
  /** The error shown under the input; sets `aria-invalid` and `data-invalid`. */
  error?: string | null | undefined;
  /** Class name of the field wrapper. */
  className?: string;
  /** Class names of the parts (`field`, `label`, `input`, `hint`, `fieldError`). */
  classNames?: FormClassNames | undefined;
}

/**
 * What {@link FieldFrame} gives its control: the id the label points at, the `lk-input` class
 * (not for a checkbox), `aria-invalid`, `aria-describedby`, then the caller's other input attributes.
 *
 * @example
 * ```tsx
 * <FieldFrame label="Email">{(control) => <input {...control} />}</FieldFrame>
 * ```
 */
export type FieldControl = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { id: string };

/**
 * Props of {@link FieldFrame}: a field's props; the input attributes among them reach the control.
 *
 * @example
 * ```tsx
 * const props: FieldFrameProps = { label: 'Email', error: null, children: (control) => <input {...control} /> };
 * ```
 */
export interface FieldFrameProps extends Omit<FieldProps, 'children'> {
  /** A checkbox row: the control first, then its label (without `lk-label`), in `lk-checkbox`. */
  checkbox?: boolean | undefined;
  /** Renders the control with the wiring it must carry. */
  children: (control: FieldControl) => ReactNode;
}

/**
 * The wrapper every field shares: the `<label>` pointing at the control by a `useId` id (or the
 * given `id`), the hint and the error linked by `aria-describedby` (after any ids of the caller's),
 * an error sets `aria-invalid="true"` on the control and `data-invalid` on the wrapper. Internal
 * part of {@link Field}, `PasswordField` and the register form's checkboxes.
 *
 * @example
 * ```tsx
 * <FieldFrame label="Email" error={errors.email}>{(control) => <input {...control} type="email" />}</FieldFrame>
 * ```
 */
export function FieldFrame({ label, hint, error, className, classNames, id, 'aria-describedby': extra, checkbox, children, ...rest }: FieldFrameProps) {
  const auto = useId();
  const input = id ?? `lk${auto}input`;
  const invalid = !!error;
  const describedBy = cx(extra, hint ? `${input}-hint` : null, invalid && `${input}-error`);
  const labelPart = (
    <label htmlFor={input} className={cx(!checkbox && 'lk-label', classNames?.label)}>
      {label}
    </label>
  );
  const hintPart = hint ? (
    <p id={`${input}-hint`} className={cx('lk-hint', classNames?.hint)}>
      {hint}
    </p>
  ) : null;
  const control = children({
    id: input,
    className: checkbox ? undefined : cx('lk-input', classNames?.input),
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy || undefined,
    ...rest,
  });
  return (
    <div className={cx('lk-field', classNames?.field, className)} data-invalid={invalid ? '' : undefined}>
      {checkbox ? (
        <div className={cx('lk-checkbox', classNames?.checkbox)}>
          {control}
          {labelPart}
        </div>
      ) : (
        labelPart
      )}
      {hintPart}
      {checkbox ? null : control}
      {invalid ? (
        <p id={`${input}-error`} className={cx('lk-field-error', classNames?.fieldError)}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A labelled text input with hint and error wiring: the `<label>` points at the input by a
 * `useId` id, the hint and the error are linked by `aria-describedby`, an error sets
 * `aria-invalid="true"` on the input and `data-invalid` on the wrapper. The ref reaches the input.
 *
 * @example
 * ```tsx
 * <Field label="Email" name="email" type="email" autoComplete="email" value={email}
 *   onChange={(e) => setEmail(e.target.value)} error={errors.email} />
 * ```
 */
export function Field({ ref, type = 'text', ...props }: FieldProps & RefAttributes<HTMLInputElement>) {
  return <FieldFrame {...props}>{(control) => <input ref={ref} type={type} {...control} />}</FieldFrame>;
}
