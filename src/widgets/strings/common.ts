/**
 * The English default strings every form widget shows (required field, password toggle, form
 * summary, countdown, durations) and the error messages by code the sign-in form can meet: one
 * slice of {@link defaultMessages}, imported on its own so a widget bundles only the strings it
 * shows (the field checks and the error codes only other forms meet are in `fieldStrings`).
 * Internal to the widgets.
 *
 * @example
 * ```ts
 * commonStrings['field.required'];
 * ```
 */
export const commonStrings = {
  // ───────────── shared form parts (every form) ─────────────
  'field.required': 'Please fill in this field.',
  'password.show': 'Show password',
  'password.hide': 'Hide password',
  'form.errorSummary': 'Please correct the marked fields.',
  'form.rateLimited': 'Too many attempts. You can try again in {time}.',
  'form.rateLimitedDone': 'You can try again now.',
  'form.pending': 'Please wait…',
  'duration.second': '1 second',
  'duration.seconds': '{seconds} seconds',
  'duration.minutes': '{minutes} min {seconds} s',

  // ───────────── errors by code (server codes sign-in can meet, and client failures) ─────────────
  'error.invalid_request': 'Some of the information is not valid. Please check the form.',
  'error.invalid_credentials': 'The sign-in details are not correct.',
  'error.unauthenticated': 'Your session has ended. Please sign in again.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.csrf_failed': 'The request was refused for security reasons. Reload the page and try again.',
  'error.not_found': 'This could not be found.',
  'error.rate_limited': 'Too many attempts. Please wait a moment.',
  'error.payload_too_large': 'The request is too large.',
  'error.unsupported_media_type': 'The request was sent in a format the server does not accept.',
  'error.internal': 'Something went wrong on the server. Please try again later.',
  'error.network': 'The server could not be reached. Check your connection and try again.',
  'error.timeout': 'The server took too long to answer. Please try again.',
  'error.aborted': 'The request was cancelled.',
  'error.contract_mismatch': 'The server sent an answer this app does not understand. Please try again later.',
  'error.unknown': 'Something went wrong. Please try again.',
};

/**
 * The strings every form widget's helpers read (form messages, durations, errors by code).
 *
 * @example
 * ```ts
 * const shared: CommonMessages = commonStrings;
 * ```
 */
export type CommonMessages = typeof commonStrings;
