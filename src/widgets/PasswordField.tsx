import { useState } from 'react';
import type { InputHTMLAttributes, ReactNode, RefAttributes } from 'react';
import type { FormClassNames } from './classNames.js';
import { cx } from './cx.js';
import { FieldFrame } from './Field.js';
import { commonStrings } from './strings/common.js';

/**
 * Props of {@link PasswordField}.
 *
 * @example
 * ```tsx
 * const props: PasswordFieldProps = { label: 'Password', autoComplete: 'current-password' };
 * ```
 */
export interface PasswordFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'type'> {
  /** The visible label, linked to the input by id. */
  label: ReactNode;
  /** Help text (for example the password policy), linked with `aria-describedby`. */
  hint?: ReactNode;
  /** The error shown under the input; sets `aria-invalid` and `data-invalid`. */
  error?: string | null | undefined;
  /** `autoComplete` is required: `current-password` or `new-password`. */
  autoComplete: 'current-password' | 'new-password';
  /** Show the show/hide toggle (default `true`). */
  toggle?: boolean;
  /** Text of the toggle while the password is hidden. Default: "Show password". */
  showLabel?: string;
  /** Text of the toggle while the password is visible. Default: "Hide password". */
  hideLabel?: string;
  /** Class name of the field wrapper. */
  className?: string;
  /** Class names of the parts (`field`, `label`, `input`, `hint`, `fieldError`, `passwordToggle`). */
  classNames?: FormClassNames | undefined;
}

/**
 * A password input (`type="password"`, never a `maxLength`, so a pasted passphrase is sent whole)
 * with an accessible show/hide toggle button (`aria-controls` the input; its text says what it
 * will do). Once the field is emptied (after a submit) the password is hidden again.
 *
 * @example
 * ```tsx
 * <PasswordField label="Password" name="password" autoComplete="current-password"
 *   value={password} onChange={(e) => setPassword(e.target.value)} />
 * ```
 */
export function PasswordField(
  {
    ref,
    toggle = true,
    showLabel = commonStrings['password.show'],
    hideLabel = commonStrings['password.hide'],
    ...props
  }: PasswordFieldProps & RefAttributes<HTMLInputElement>,
) {
  const [shown, setShown] = useState(false);
  // Emptied (every form clears its passwords after a submit): the next password starts hidden again.
  if (shown && props.value === '') setShown(false);
  const visible = toggle && shown;
  return (
    <FieldFrame {...props}>
      {(control) => (
        <div className="lk-password">
          <input ref={ref} type={visible ? 'text' : 'password'} autoCapitalize="off" autoCorrect="off" spellCheck={false} {...control} />
          {toggle ? (
            <button
              type="button"
              className={cx('lk-button', 'lk-password-toggle', props.classNames?.passwordToggle)}
              aria-controls={control.id}
              disabled={props.disabled}
              onClick={() => setShown(!visible)}
            >
              {visible ? hideLabel : showLabel}
            </button>
          ) : null}
        </div>
      )}
    </FieldFrame>
  );
}
