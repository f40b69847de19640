import { Fragment, useId, useRef, useState } from 'react';
import type { HTMLAttributes, RefAttributes } from 'react';
import type { AdminCreateUserRequest, AdminUser } from '../contract/index.js';
import {
  useAdminCreateUser,
  useAdminDeleteUser,
  useAdminResetLink,
  useAdminUpdateUser,
  useAdminUsers,
  useAuth,
} from '../react/index.js';
import { isAuthError } from '../client/AuthError.js';
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
import { PasswordField } from './PasswordField.js';
import { SubmitButton } from './SubmitButton.js';
import { useAuthForm } from './useAuthForm.js';
import { commonStrings } from './strings/common.js';
import { fieldStrings } from './strings/fields.js';
import { userAdminStrings } from './strings/userAdmin.js';
import { useWidgetMessages } from './useWidgetMessages.js';

/** The strings UserAdmin shows (its own slice of the dictionary and the shared one). */
const STRINGS = { ...commonStrings, ...fieldStrings, ...userAdminStrings };
type WidgetMessages = typeof STRINGS;

/**
 * Class names of the parts of {@link UserAdmin} (and of its forms).
 *
 * @example
 * ```tsx
 * <UserAdmin classNames={{ table: 'table table-striped', submit: 'btn' }} />
 * ```
 */
export interface UserAdminClassNames extends FormClassNames {
  table?: string;
  row?: string;
  search?: string;
  pagination?: string;
  createForm?: string;
  confirm?: string;
}

/**
 * Props of {@link UserAdmin}. Other attributes are passed to the root `<section>`.
 *
 * @example
 * ```tsx
 * const props: UserAdminProps = { pageSize: 50, showCreate: false };
 * ```
 */
export interface UserAdminProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** Users per page (default 20). */
  pageSize?: number;
  /** Show the "Add a user" form (default `true`). */
  showCreate?: boolean;
  /** Heading level of the title (default `2`; sub-headings one level lower). */
  headingLevel?: HeadingLevel;
  /** Strings to override, on top of the provider's messages. */
  messages?: Partial<Messages>;
  /** Class names of the parts. */
  classNames?: UserAdminClassNames;
}

/** What the last row action said: a message, maybe a link to hand over, or an error. */
interface ActionNote {
  text: string;
  link?: string;
  error?: boolean;
}

/**
 * User administration for the `admin` role: search and page through users, add a user (with a
 * password, or without one to get a one-time link to hand over), edit roles, disable and enable,
 * create a password reset link, delete with a confirmation. Composes the `useAdmin*` hooks;
 * the backend refuses admins acting on themselves (shown as a clear message) and non-admins
 * (`forbidden`).
 *
 * `data-state` on the root: `loading | idle | submitting | error`.
 *
 * @example
 * ```tsx
 * <RequireAuth roles="admin"><UserAdmin pageSize={25} /></RequireAuth>
 * ```
 */
export function UserAdmin(
  { ref, pageSize = 20, showCreate = true, headingLevel, messages: overrides, classNames, className, ...rest }: UserAdminProps & RefAttributes<HTMLElement>,
) {
  const messages = useWidgetMessages(STRINGS, overrides);
  const selfId = useAuth((auth) => (auth.status === 'authenticated' ? auth.user.id : null));
  const titleId = useId();
  // The title at the chosen level (`h2` by default).
  const Title = `h${headingLevel ?? 2}` as const;
  const titleRef = useRef<HTMLDivElement>(null);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useAdminUsers({ ...(query === '' ? {} : { query }), offset, limit: pageSize });
  const update = useAdminUpdateUser();
  const remove = useAdminDeleteUser();
  const resetLink = useAdminResetLink();
  const [editing, setEditing] = useState<string | null>(null);
  const [roles, setRoles] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [note, setNote] = useState<ActionNote | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const busyRef = useRef(false);

  const explain = (error: unknown, user: AdminUser): string =>
    isAuthError(error) && error.code === 'conflict' && user.id === selfId ? messages['adminUsers.selfConflict'] : describeError(error, messages);

  /** Runs one row action at a time and turns its outcome into the note. */
  function act<T>(key: string, user: AdminUser, run: () => Promise<T>, done: (result: T) => ActionNote, after?: () => void) {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(`${key}:${user.id}`);
    setNote(null);
    run()
      .then((result) => {
        setNote(done(result));
        after?.();
      })
      .catch((error: unknown) => setNote({ text: explain(error, user), error: true }))
      .finally(() => {
        busyRef.current = false;
        setBusy(null);
      });
  }

  const users = list.data?.users ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.floor(offset / pageSize) + 1;
  const listError = list.isError ? describeError(list.error, messages) : null;
  const button = cx('lk-button', classNames?.button);
  const state = busy !== null ? 'submitting' : list.isPending ? 'loading' : list.isError ? 'error' : 'idle';

  return (
    <section
      ref={ref}
      aria-labelledby={titleId}
      data-state={state}
      className={cx('lk-root', 'lk-admin', 'lk-user-admin', classNames?.root, className)}
      {...rest}
    >
      <div ref={titleRef} tabIndex={-1}>
        <Title id={titleId} className={cx('lk-title', classNames?.title)}>
          {messages['adminUsers.title']}
        </Title>
      </div>
      <FormError className={classNames?.alert}>{note?.error ? note.text : listError}</FormError>
      <FormStatus className={classNames?.status}>
        {note && !note.error ? (
          <>
            {note.text}
            {note.link ? <code className="lk-secret">{note.link}</code> : null}
          </>
        ) : null}
      </FormStatus>

      <form
        role="search"
        aria-label={messages['adminUsers.search']}
        className={cx('lk-inline-form', classNames?.search)}
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(search.trim());
          setOffset(0);
        }}
      >
        <Field label={messages['adminUsers.search']} type="search" name="query" value={search} classNames={classNames} onChange={(event) => setSearch(event.target.value)} />
        <button type="submit" className={button}>
          {messages['adminUsers.searchSubmit']}
        </button>
      </form>

      {list.isPending ? (
        <p aria-busy="true">{messages['adminUsers.loading']}</p>
      ) : list.isError ? null : users.length === 0 ? (
        <p>{messages['adminUsers.empty']}</p>
      ) : (
        <>
          <p>{formatMessage(messages['adminUsers.total'], { count: total })}</p>
          <div className="lk-table-wrap">
            <table className={cx('lk-table', classNames?.table)} aria-labelledby={titleId} aria-busy={list.isFetching || undefined}>
              <thead>
                <tr>
                  <th scope="col">{messages['adminUsers.username']}</th>
                  <th scope="col">{messages['adminUsers.name']}</th>
                  <th scope="col">{messages['adminUsers.email']}</th>
                  <th scope="col">{messages['adminUsers.roles']}</th>
                  <th scope="col">{messages['adminUsers.status']}</th>
                  <th scope="col">{messages['adminUsers.actions']}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => {
                  const pending = (key: string) => busy === `${key}:${user.id}`;
                  // Opens this user's role editor (with the user's roles as the draft), or closes it.
                  const edit = () => {
                    setConfirming(null);
                    setEditing(editing === user.id ? null : user.id);
                    setRoles(user.roles.join(', '));
                  };
                  return (
                    <Fragment key={user.id}>
                      <tr data-state={user.disabled ? 'disabled' : 'active'} className={classNames?.row}>
                        <th scope="row">{user.username}</th>
                        <td>{user.name ?? ''}</td>
                        <td>{user.email ?? ''}</td>
                        <td>{user.roles.length > 0 ? user.roles.join(', ') : messages['adminUsers.noRoles']}</td>
                        <td>{user.disabled ? messages['adminUsers.disabled'] : messages['adminUsers.active']}</td>
                        <td>
                          <div role="group" aria-label={formatMessage(messages['adminUsers.actionsFor'], { username: user.username })} className="lk-actions">
                            <button type="button" className={button} aria-expanded={editing === user.id} onClick={edit}>
                              {messages['adminUsers.editRolesShort']}
                            </button>
                            <button
                              type="button"
                              className={button}
                              disabled={busy !== null}
                              aria-busy={pending('disable') || undefined}
                              onClick={() =>
                                act(
                                  'disable',
                                  user,
                                  () => update.mutateAsync({ id: user.id, body: { disabled: !user.disabled } }),
                                  () => ({
                                    text: formatMessage(messages[user.disabled ? 'adminUsers.enabledDone' : 'adminUsers.disabledDone'], { username: user.username }),
                                  }),
                                )
                              }
                            >
                              {user.disabled ? messages['adminUsers.enable'] : messages['adminUsers.disable']}
                            </button>
                            <button
                              type="button"
                              className={button}
                              disabled={busy !== null}
                              aria-busy={pending('reset') || undefined}
                              onClick={() =>
                                act(
                                  'reset',
                                  user,
                                  () => resetLink.mutateAsync(user.id),
                                  (link) => ({
                                    text: formatMessage(messages['adminUsers.resetLinkDone'], {
                                      username: user.username,
                                      expiresAt: new Date(link.expiresAt).toLocaleString(),
                                    }),
                                    link: link.url,
                                  }),
                                )
                              }
                            >
                              {messages['adminUsers.resetLink']}
                            </button>
                            <button
                              type="button"
                              className={button}
                              data-variant="danger"
                              disabled={busy !== null}
                              onClick={() => {
                                setEditing(null);
                                setConfirming(user.id);
                              }}
                            >
                              {messages['adminUsers.delete']}
                            </button>
                          </div>
                        </td>
                      </tr>
                      {editing === user.id ? (
                        <tr>
                          <td colSpan={6}>
                            <form
                              aria-label={formatMessage(messages['adminUsers.editRoles'], { username: user.username })}
                              className="lk-inline-form"
                              onSubmit={(event) => {
                                event.preventDefault();
                                const next = parseRoles(roles);
                                act(
                                  'roles',
                                  user,
                                  () => update.mutateAsync({ id: user.id, body: { roles: next } }),
                                  () => ({ text: formatMessage(messages['adminUsers.rolesSaved'], { username: user.username }) }),
                                  () => setEditing(null),
                                );
                              }}
                            >
                              <Field
                                autoFocus
                                label={formatMessage(messages['adminUsers.editRoles'], { username: user.username })}
                                hint={messages['adminUsers.rolesHint']}
                                name="roles"
                                autoComplete="off"
                                value={roles}
                                classNames={classNames}
                                onChange={(event) => setRoles(event.target.value)}
                              />
                              <SubmitButton pending={pending('roles')} className={classNames?.submit}>
                                {messages['adminUsers.saveRoles']}
                              </SubmitButton>
                              <button type="button" className={button} onClick={edit}>
                                {messages['adminUsers.cancel']}
                              </button>
                            </form>
                          </td>
                        </tr>
                      ) : null}
                      {confirming === user.id ? (
                        <tr>
                          <td colSpan={6}>
                            <Confirm
                              text={formatMessage(messages['adminUsers.confirmDelete'], { username: user.username })}
                              confirm={messages['adminUsers.confirmDeleteSubmit']}
                              cancel={messages['adminUsers.cancel']}
                              pending={pending('delete')}
                              className={classNames?.confirm}
                              buttonClass={button}
                              onConfirm={() =>
                                act(
                                  'delete',
                                  user,
                                  () => remove.mutateAsync(user.id),
                                  () => ({ text: formatMessage(messages['adminUsers.deleted'], { username: user.username }) }),
                                  () => {
                                    setConfirming(null);
                                    // The row is going away: focus moves to the title instead of being lost.
                                    titleRef.current?.focus();
                                  },
                                )
                              }
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
          {pages > 1 ? (
            <nav aria-label={formatMessage(messages['adminUsers.page'], { page, pages })} className={cx('lk-actions', classNames?.pagination)}>
              <button type="button" className={button} disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>
                {messages['adminUsers.previous']}
              </button>
              <span>{formatMessage(messages['adminUsers.page'], { page, pages })}</span>
              <button type="button" className={button} disabled={page >= pages} onClick={() => setOffset(offset + pageSize)}>
                {messages['adminUsers.next']}
              </button>
            </nav>
          ) : null}
        </>
      )}

      {showCreate ? <CreateUserForm messages={messages} classNames={classNames} headingLevel={Math.min((headingLevel ?? 2) + 1, 6) as HeadingLevel} /> : null}
    </section>
  );
}

// ───────────────────────────── add a user ─────────────────────────────

function CreateUserForm({ messages, classNames, headingLevel }: { messages: WidgetMessages; classNames: UserAdminClassNames | undefined; headingLevel: HeadingLevel }) {
  const create = useAdminCreateUser();
  const form = useAuthForm(messages, ['username', 'email', 'name', 'roles', 'password'], translateFieldError);
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState('');
  const [password, setPassword] = useState('');
  const [link, setLink] = useState<string | null>(null);

  const onSubmit = () => {
    const sent = password;
    setPassword('');
    setLink(null);
    const errors: Record<string, string> = {};
    if (username.trim() === '') errors.username = messages['field.required'];
    if (email.trim() !== '' && !looksLikeEmail(email.trim())) errors.email = messages['field.invalidEmail'];
    if (form.reject(errors)) return;
    const body: AdminCreateUserRequest = {
      username: username.trim(),
      ...(email.trim() === '' ? {} : { email: email.trim() }),
      ...(name.trim() === '' ? {} : { name: name.trim() }),
      roles: parseRoles(roles),
      ...(sent === '' ? {} : { password: sent }),
    };
    form.send(
      create,
      body,
      (result) => formatMessage(messages[result.resetUrl ? 'adminUsers.createdLink' : 'adminUsers.created'], { username: result.user.username }),
      (result) => {
        setLink(result.resetUrl ?? null);
        setUsername('');
        setEmail('');
        setName('');
        setRoles('');
      },
    );
  };

  return (
    <AuthForm
      form={{
        ...form,
        // A created user without a password: the one-time link to hand over, after the message.
        success: (
          <>
            {form.success}
            {form.success && link ? <code className="lk-secret">{link}</code> : null}
          </>
        ),
      }}
      title={messages['adminUsers.create']}
      headingLevel={headingLevel}
      classNames={{ ...classNames, root: classNames?.createForm }}
      onSubmit={onSubmit}
      submit={[messages['adminUsers.createSubmit'], messages['form.pending']]}
    >
      <Field
        label={messages['adminUsers.username']}
        {...form.bind('username', username, setUsername)}
        autoComplete="off"
        spellCheck={false}
        required
        classNames={classNames}
      />
      <Field
        label={messages['adminUsers.email']}
        {...form.bind('email', email, setEmail)}
        type="email"
        autoComplete="off"
        classNames={classNames}
      />
      <Field
        label={messages['adminUsers.name']}
        {...form.bind('name', name, setName)}
        autoComplete="off"
        classNames={classNames}
      />
      <Field
        label={messages['adminUsers.roles']}
        hint={messages['adminUsers.rolesHint']}
        {...form.bind('roles', roles, setRoles)}
        autoComplete="off"
        classNames={classNames}
      />
      <PasswordField
        label={messages['adminUsers.password']}
        hint={messages['adminUsers.passwordHint']}
        {...form.bind('password', password, setPassword)}
        autoComplete="new-password"
        showLabel={messages['password.show']}
        hideLabel={messages['password.hide']}
        classNames={classNames}
      />
    </AuthForm>
  );
}
