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
 * Ids that tie a label, a control, its hint and its error together. Internal helper.
 *
 * @example
 * ```ts
 * const ids = useFieldIds(props.id); // { input, hint, error }
 * ```
 */
export function useFieldIds(id: string | undefined): { input: string; hint: string; error: string } {
  const auto = useId();
  const input = id ?? `lk${auto}input`;
  return { input, hint: `${input}-hint`, error: `${input}-error` };
}

/**
 * Joins `aria-describedby` ids, leaving out the ones not rendered. Internal helper.
 *
 * @example
 * ```ts
 * describedBy(undefined, 'a-hint', false); // 'a-hint'
 * ```
 */
export function describedBy(...ids: ReadonlyArray<string | false | null | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list === '' ? undefined : list;
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
export function Field(
  { ref, label, hint, error, className, classNames, id, type = 'text', 'aria-describedby': extraDescribedBy, ...rest }: FieldProps & RefAttributes<HTMLInputElement>,
) {
  const ids = useFieldIds(id);
  const invalid = typeof error === 'string' && error !== '';
  return (
    <div className={cx('lk-field', classNames?.field, className)} data-invalid={invalid ? '' : undefined}>
      <label htmlFor={ids.input} className={cx('lk-label', classNames?.label)}>
        {label}
      </label>
      {hint ? (
        <p id={ids.hint} className={cx('lk-hint', classNames?.hint)}>
          {hint}
        </p>
      ) : null}
      <input
        ref={ref}
        id={ids.input}
        type={type}
        className={cx('lk-input', classNames?.input)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy(extraDescribedBy, hint ? ids.hint : false, invalid ? ids.error : false)}
        {...rest}
      />
      {invalid ? (
        <p id={ids.error} className={cx('lk-field-error', classNames?.fieldError)}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
