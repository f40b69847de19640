import { Fragment, useId, useRef, useState } from 'react';
import type { HTMLAttributes, RefAttributes } from 'react';
import type { CreateInviteRequest } from '../contract/index.js';
import { useAdminCreateInvite, useAdminDeleteInvite, useAdminInvites } from '../react/index.js';
import { AuthForm } from './AuthForm.js';
import type { FormClassNames } from './classNames.js';
import { Confirm } from './Confirm.js';
import { cx } from './cx.js';
import { describeError, translateFieldError } from './describeError.js';
import { Field } from './Field.js';
import { FormError } from './FormError.js';
import { FormStatus } from './FormStatus.js';
import { formatMessage } from './formatMessage.js';
import type { HeadingLevel } from './HeadingLevel.js';
import { looksLikeEmail } from './looksLikeEmail.js';
import { parseRoles } from './parseRoles.js';
import type { Messages } from './messages.js';
import { useAuthForm } from './useAuthForm.js';
import { commonStrings } from './strings/common.js';
import { fieldStrings } from './strings/fields.js';
import { inviteAdminStrings } from './strings/inviteAdmin.js';
import { userAdminStrings } from './strings/userAdmin.js';
import { useWidgetMessages } from './useWidgetMessages.js';
import { visuallyHidden } from './visuallyHidden.js';

/** The strings InviteAdmin shows (its own slice of the dictionary and the shared one). */
const STRINGS = {
  ...commonStrings,
  ...fieldStrings,
  ...inviteAdminStrings,
  'adminUsers.actions': userAdminStrings['adminUsers.actions'],
  'adminUsers.noRoles': userAdminStrings['adminUsers.noRoles'],
};

/**
 * Class names of the parts of {@link InviteAdmin} (and of its form).
 *
 * @example
 * ```tsx
 * <InviteAdmin classNames={{ table: 'table', submit: 'btn' }} />
 * ```
 */
export interface InviteAdminClassNames extends FormClassNames {
  table?: string;
  row?: string;
  createForm?: string;
  confirm?: string;
}

/**
 * Props of {@link InviteAdmin}. Other attributes are passed to the root `<section>`.
 *
 * @example
 * ```tsx
 * const props: InviteAdminProps = { defaultExpiresInHours: 24 };
 * ```
 */
export interface InviteAdminProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** Pre-filled validity of a new invite in hours (default 72). */
  defaultExpiresInHours?: number;
  /** Heading level of the title (default `2`; the form's heading one level lower). */
  headingLevel?: HeadingLevel;
  /** Strings to override, on top of the provider's messages. */
  messages?: Partial<Messages>;
  /** Class names of the parts. */
  classNames?: InviteAdminClassNames;
}

/**
 * Invite administration for invite-only registration (role `admin`): create an invite (optionally
 * bound to one email address, with roles and a validity in hours), see every invite with its
 * state (open, used, expired), revoke one with a confirmation. Composes `useAdminInvites`,
 * `useAdminCreateInvite` and `useAdminDeleteInvite`.
 *
 * `data-state` on the root: `loading | idle | submitting | error`.
 *
 * @example
 * ```tsx
 * <RequireAuth roles="admin"><InviteAdmin defaultExpiresInHours={48} /></RequireAuth>
 * ```
 */
export function InviteAdmin(
  { ref, defaultExpiresInHours = 72, headingLevel, messages: overrides, classNames, className, ...rest }: InviteAdminProps & RefAttributes<HTMLElement>,
) {
  const messages = useWidgetMessages(STRINGS, overrides);
  const list = useAdminInvites();
  const remove = useAdminDeleteInvite();
  const titleId = useId();
  // The title at the chosen level (`h2` by default).
  const Title = `h${headingLevel ?? 2}` as const;
  const [now] = useState(() => Date.now());
  const [confirming, setConfirming] = useState<string | null>(null);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const revoke = (code: string) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setNote(null);
    remove
      .mutateAsync(code)
      .then(() => {
        setNote({ text: formatMessage(messages['adminInvites.deleted'], { code }), error: false });
        setConfirming(null);
      })
      .catch((error: unknown) => setNote({ text: describeError(error, messages), error: true }))
      .finally(() => {
        busyRef.current = false;
        setBusy(false);
      });
  };

  const invites = list.data?.invites ?? [];
  const state = busy ? 'submitting' : list.isPending ? 'loading' : list.isError ? 'error' : 'idle';
  const button = cx('lk-button', classNames?.button);

  // The form that creates an invite.
  const create = useAdminCreateInvite();
  const form = useAuthForm(messages, ['email', 'roles', 'expiresInHours'], translateFieldError);
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState('');
  const [hours, setHours] = useState(String(defaultExpiresInHours));

  const onSubmit = () => {
    const errors: Record<string, string> = {};
    if (email.trim() !== '' && !looksLikeEmail(email.trim())) errors.email = messages['field.invalidEmail'];
    const expiresInHours = Number(hours);
    if (!Number.isInteger(expiresInHours) || expiresInHours < 1 || expiresInHours > 24 * 90) errors.expiresInHours = messages['adminInvites.expiresInvalid'];
    if (form.reject(errors)) return;
    const roleList = parseRoles(roles);
    const body: CreateInviteRequest = {
      ...(email.trim() === '' ? {} : { email: email.trim() }),
      ...(roleList.length > 0 ? { roles: roleList } : {}),
      expiresInHours,
    };
    form.send(create, body, (result) => formatMessage(messages['adminInvites.created'], { code: result.invite.code }), () => {
      setEmail('');
      setRoles('');
    });
  };

  return (
    <section
      ref={ref}
      aria-labelledby={titleId}
      data-state={state}
      className={cx('lk-root', 'lk-admin', 'lk-invite-admin', classNames?.root, className)}
      {...rest}
    >
      <Title id={titleId} className={cx('lk-title', classNames?.title)}>
        {messages['adminInvites.title']}
      </Title>
      <FormError className={classNames?.alert}>{note?.error ? note.text : list.isError ? describeError(list.error, messages) : null}</FormError>
      <FormStatus className={classNames?.status}>{note && !note.error ? note.text : null}</FormStatus>

    <AuthForm
      form={form}
      title={messages['adminInvites.create']}
      headingLevel={Math.min((headingLevel ?? 2) + 1, 6) as HeadingLevel}
      classNames={{ ...classNames, root: classNames?.createForm }}
      onSubmit={onSubmit}
      submit={[messages['adminInvites.create'], messages['adminInvites.pending']]}
    >
      <Field
        label={messages['adminInvites.email']}
        hint={messages['adminInvites.emailHint']}
        {...form.bind('email', email, setEmail)}
        type="email"
        autoComplete="off"
        classNames={classNames}
      />
      <Field
        label={messages['adminInvites.roles']}
        hint={messages['adminInvites.rolesHint']}
        {...form.bind('roles', roles, setRoles)}
        autoComplete="off"
        classNames={classNames}
      />
      <Field
        label={messages['adminInvites.expiresInHours']}
        {...form.bind('expiresInHours', hours, setHours)}
        type="number"
        inputMode="numeric"
        min={1}
        max={24 * 90}
        step={1}
        classNames={classNames}
      />
    </AuthForm>

      {list.isPending ? (
        <p aria-busy="true">{messages['adminInvites.loading']}</p>
      ) : list.isError ? null : invites.length === 0 ? (
        <p>{messages['adminInvites.empty']}</p>
      ) : (
        <div className="lk-table-wrap">
          <table className={cx('lk-table', classNames?.table)} aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{messages['adminInvites.code']}</th>
                <th scope="col">{messages['adminInvites.for']}</th>
                <th scope="col">{messages['adminInvites.roles']}</th>
                <th scope="col">{messages['adminInvites.expires']}</th>
                <th scope="col">{messages['adminInvites.state']}</th>
                <th scope="col">
                  <span style={visuallyHidden}>{messages['adminUsers.actions']}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => {
                const inviteState = invite.usedAt !== null ? 'used' : new Date(invite.expiresAt).getTime() <= now ? 'expired' : 'open';
                return (
                  <Fragment key={invite.code}>
                    <tr data-state={inviteState} className={classNames?.row}>
                      <th scope="row">
                        <code className="lk-secret">{invite.code}</code>
                      </th>
                      <td>{invite.email ?? messages['adminInvites.anyone']}</td>
                      <td>{invite.roles.length > 0 ? invite.roles.join(', ') : messages['adminUsers.noRoles']}</td>
                      <td>
                        <time dateTime={invite.expiresAt}>{new Date(invite.expiresAt).toLocaleString()}</time>
                      </td>
                      <td>
                        {inviteState === 'used'
                          ? messages['adminInvites.used']
                          : inviteState === 'expired'
                            ? messages['adminInvites.expired']
                            : messages['adminInvites.open']}
                      </td>
                      <td>
                        {inviteState === 'used' ? null : (
                          <button
                            type="button"
                            className={button}
                            data-variant="danger"
                            disabled={busy}
                            aria-label={formatMessage(messages['adminInvites.deleteLabel'], { code: invite.code })}
                            onClick={() => setConfirming(invite.code)}
                          >
                            {messages['adminInvites.delete']}
                          </button>
                        )}
                      </td>
                    </tr>
                    {confirming === invite.code ? (
                      <tr>
                        <td colSpan={6}>
                          <Confirm
                            text={formatMessage(messages['adminInvites.confirmDelete'], { code: invite.code })}
                            confirm={messages['adminInvites.confirmDeleteSubmit']}
                            cancel={messages['adminInvites.cancel']}
                            pending={busy}
                            className={classNames?.confirm}
                            buttonClass={button}
                            onConfirm={() => revoke(invite.code)}
                            onCancel={() => setConfirming(null)}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
