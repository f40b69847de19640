import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent, RefObject } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { isAuthError } from '../client/AuthError.js';
import type { AuthError } from '../client/AuthError.js';
import { describeError } from './describeError.js';
import type { translateFieldError } from './describeError.js';
import type { CommonMessages } from './strings/common.js';
import type { FieldMessages } from './strings/fields.js';
import { useCountdown } from './useCountdown.js';

/**
 * The state a form widget is in, exposed as `data-state` on its root:
 * `idle`, `submitting`, `invalid` (field errors), `error` (server error), `rate-limited`
 * (429, countdown running), `network-error` (no answer or timeout), `success`.
 *
 * @example
 * ```css
 * .lk-form[data-state='rate-limited'] { border-color: orange; }
 * ```
 */
export type FormState = 'idle' | 'submitting' | 'invalid' | 'error' | 'rate-limited' | 'network-error' | 'success';

interface Outcome {
  state: FormState;
  fieldErrors: Readonly<Record<string, string>>;
  summary: string | null;
  details: readonly string[];
  success: string | null;
  error: AuthError | null;
}

const IDLE: Outcome = { state: 'idle', fieldErrors: {}, summary: null, details: [], success: null, error: null };

/**
 * What {@link AuthFormController.bind} gives a text field: spread it on a `Field` or `PasswordField`.
 *
 * @example
 * ```tsx
 * <Field label="Email" {...form.bind('email', email, setEmail)} />
 * ```
 */
export interface BoundField {
  name: string;
  value: string;
  error: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/**
 * What {@link useAuthForm} gives a form widget.
 *
 * @example
 * ```ts
 * const form: AuthFormController = useAuthForm(messages, ['identifier', 'password']);
 * ```
 */
export interface AuthFormController {
  /** The widget's dictionary (the countdown's and the fields' strings). */
  messages: CommonMessages & Partial<FieldMessages>;
  /** Put on the `<form>`: focus moves inside it after a failure. */
  formRef: RefObject<HTMLFormElement | null>;
  /** The current state (the countdown decides `rate-limited`). */
  state: FormState;
  /** Per-field messages (client validation or server `fields`). */
  fieldErrors: Readonly<Record<string, string>>;
  /** The error summary text, or `null`. */
  summary: string | null;
  /** Server field messages about fields this form does not show. */
  details: readonly string[];
  /** The success message, or `null`. */
  success: string | null;
  /** The last error (for widgets that react to a code, like `invalid_token`). */
  error: AuthError | null;
  /** Seconds left of a 429 countdown (`null`: none). */
  secondsLeft: number | null;
  /** A request is in flight. */
  pending: boolean;
  /** Submitting is not possible now (in flight or counting down). */
  locked: boolean;
  /**
   * Sends one request through a flow hook's mutation, unless one is in flight or a countdown
   * runs. `describeSuccess` turns the answer into the success message. Returns whether it sent.
   */
  send<TData, TVars>(
    mutation: UseMutationResult<TData, AuthError, TVars>,
    variables: TVars,
    describeSuccess: (data: TData) => string | null,
    onSuccess?: (data: TData) => void,
  ): boolean;
  /**
   * Shows client-side field errors (nothing is sent) and focuses the first invalid field; with no
   * errors it does nothing. Returns whether there were errors.
   */
  reject(fieldErrors: Record<string, string>): boolean;
  /** Removes one field's error (called when the user edits the field). */
  clearFieldError(name: string): void;
  /** Sets a success message without a request (for example "nothing changed"). */
  announce(text: string): void;
  /**
   * Wires one text field: its name, value, error, and an `onChange` that stores the new value and
   * clears the field's error.
   */
  bind(name: string, value: string, setValue: (value: string) => void): BoundField;
}

/**
 * The shared mechanics of every form widget: one request at a time (a ref guard, so a double click
 * plus Enter sends once), the state machine behind `data-state`, server errors mapped to
 * translated messages (field errors onto the fields the form shows, the rest into the summary),
 * focus to the first invalid field or to the error summary after a failure, and the 429 countdown.
 * Internal to the widgets; widgets still only talk to the network through the flow hooks.
 *
 * @example
 * ```tsx
 * const login = useLogin();
 * const form = useAuthForm(messages, ['identifier', 'password']);
 * const onSubmit = (e) => { e.preventDefault(); form.send(login, { identifier, password }, () => messages['login.success']); };
 * ```
 */
export function useAuthForm(messages: CommonMessages & Partial<FieldMessages>, fields: readonly string[], translate?: typeof translateFieldError): AuthFormController {
  const formRef = useRef<HTMLFormElement | null>(null);
  const inFlight = useRef(false);
  const [outcome, setOutcome] = useState<Outcome>(IDLE);
  const [focusRequest, setFocusRequest] = useState(0);
  const limited = outcome.state === 'rate-limited';
  const pending = outcome.state === 'submitting';
  const secondsLeft = useCountdown(limited ? (outcome.error?.retryAfter ?? null) : null, outcome.error);
  const counting = secondsLeft !== null && secondsLeft > 0;

  // After a failure, focus goes to the first invalid field, else to the error summary.
  useEffect(() => {
    if (focusRequest === 0) return;
    const form = formRef.current;
    (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[data-lk-summary]'))?.focus();
  }, [focusRequest]);

  // The controller's functions only run in event handlers, so they are plain closures (no memo).
  const fail = (next: Outcome) => {
    setOutcome(next);
    setFocusRequest((n) => n + 1);
  };

  const succeed = (text: string | null) => setOutcome({ ...IDLE, state: 'success', success: text });

  const fromError = (error: unknown): Outcome => {
    const authError = isAuthError(error) ? error : null;
    const code = authError?.code ?? 'unknown';
    const fieldErrors: Record<string, string> = {};
    const details: string[] = [];
    for (const [field, text] of Object.entries(authError?.fields ?? {})) {
      // A translated text for the cases the form knows, else the server's own (never empty).
      const message = translate?.(code, field, messages) ?? (text.trim() === '' ? messages['error.unknown'] : text);
      if (fields.includes(field)) fieldErrors[field] = message;
      else if (!details.includes(message)) details.push(message);
    }
    const hasFieldErrors = Object.keys(fieldErrors).length > 0;
    const state: FormState =
      code === 'rate_limited' && authError?.retryAfter != null ? 'rate-limited' : code === 'network' || code === 'timeout' ? 'network-error' : hasFieldErrors ? 'invalid' : 'error';
    const summary = hasFieldErrors && code !== 'rate_limited' ? messages['form.errorSummary'] : describeError(error, messages);
    return { state, fieldErrors, summary, details, success: null, error: authError };
  };

  const clearFieldError = (name: string) =>
    setOutcome((previous) => {
      if (!(name in previous.fieldErrors)) return previous;
      const rest = { ...previous.fieldErrors };
      delete rest[name];
      return { ...previous, fieldErrors: rest };
    });

  // When a countdown has run out, the form is usable again and says so.
  const countdownOver = limited && secondsLeft === 0;
  return {
    ...outcome,
    ...(countdownOver && { state: 'idle', summary: null, details: [], success: messages['form.rateLimitedDone'] }),
    messages,
    formRef,
    secondsLeft: limited ? secondsLeft : null,
    pending,
    locked: pending || counting,
    send(mutation, variables, describeSuccess, onSuccess) {
      if (inFlight.current || counting) return false;
      inFlight.current = true;
      setOutcome({ ...IDLE, state: 'submitting' });
      mutation.mutate(variables, {
        onSuccess: (data) => {
          succeed(describeSuccess(data));
          onSuccess?.(data);
        },
        onError: (error) => fail(fromError(error)),
        onSettled: () => {
          inFlight.current = false;
        },
      });
      return true;
    },
    reject(fieldErrors) {
      const invalid = Object.keys(fieldErrors).length > 0;
      if (invalid) fail({ ...IDLE, state: 'invalid', fieldErrors, summary: messages['form.errorSummary'] });
      return invalid;
    },
    clearFieldError,
    announce: succeed,
    bind: (name, value, setValue) => ({
      name,
      value,
      error: outcome.fieldErrors[name],
      onChange: (event) => {
        setValue(event.target.value);
        clearFieldError(name);
      },
    }),
  };
}
