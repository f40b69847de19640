import { act, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  AuthProvider,
  authQueryKeys,
  useAdminCreateInvite,
  useAdminCreateUser,
  useAdminDeleteInvite,
  useAdminDeleteUser,
  useAdminInvites,
  useAdminResetLink,
  useAdminUpdateUser,
  useAdminUsers,
  useAuth,
  useAuthConfig,
  useChangePassword,
  useForgotPassword,
  useForgotUsername,
  useLogin,
  useMessages,
  useRegister,
  useResetPassword,
  useUpdateProfile,
  useVerifyEmail,
} from 'latchkey';
import { delay } from 'msw';
import { ada, BASE, bob, count, http, requests, server, setup, startMswServer } from './support.js';
import type { Harness } from './support.js';

startMswServer();

function hooks<T>(t: Harness, hook: () => T) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AuthProvider client={t.client} queryClient={t.queryClient} navigate={t.navigate}>
      {children}
    </AuthProvider>
  );
  return renderHook(() => ({ flow: hook(), auth: useAuth() }), { wrapper });
}

describe('flow hooks', () => {
  it('register signs in with the one answer', async () => {
    const t = setup();
    const { result } = hooks(t, useRegister);
    await waitFor(() => expect(result.current.auth.status).toBe('unauthenticated'));
    requests.length = 0;
    result.current.flow.mutate({ username: 'grace', email: 'grace@example.com', password: 'a long enough passphrase' });
    await waitFor(() => expect(result.current.auth.status).toBe('authenticated'));
    expect(result.current.auth.user?.username).toBe('grace');
    expect(requests).toEqual(['POST register']);
  });

  it('register without a session reports what comes next and stays signed out', async () => {
    const t = setup({ backend: { config: { features: { emailVerification: true } } } });
    const { result } = hooks(t, () => ({ register: useRegister(), verify: useVerifyEmail() }));
    await waitFor(() => expect(result.current.auth.status).toBe('unauthenticated'));
    result.current.flow.register.mutate({ username: 'grace', email: 'grace@example.com', password: 'a long enough passphrase' });
    await waitFor(() => expect(result.current.flow.register.data?.next).toBe('verify_email'));
    expect(result.current.auth.status).toBe('unauthenticated');

    const token = t.backend.outbox.last('grace@example.com', 'verify-email')?.token;
    if (token === undefined) throw new Error('expected a verification mail');
    requests.length = 0;
    result.current.flow.verify.mutate({ token });
    await waitFor(() => expect(result.current.auth.status).toBe('authenticated'));
    expect(requests).toEqual(['POST email/verify']);
  });

  it('a failed login is an AuthError with its code, never retried, and signs nobody in', async () => {
    const t = setup();
    const { result } = hooks(t, useLogin);
    await waitFor(() => expect(result.current.auth.status).toBe('unauthenticated'));
    requests.length = 0;
    result.current.flow.mutate({ identifier: 'ada', password: 'wrong password!' });
    await waitFor(() => expect(result.current.flow.isError).toBe(true));
    expect(result.current.flow.error?.code).toBe('invalid_credentials');
    expect(result.current.auth.status).toBe('unauthenticated');
    expect(requests).toEqual(['POST login']);
  });

  it('unmounting aborts a request in flight, and its late answer is not applied', async () => {
    const t = setup();
    let signal: AbortSignal | undefined;
    server.use(
      http.post(`*${BASE}/login`, async ({ request }) => {
        signal = request.signal;
        await delay(100);
        return undefined;
      }),
    );
    const { result, unmount } = hooks(t, useLogin);
    await waitFor(() => expect(result.current.auth.status).toBe('unauthenticated'));
    result.current.flow.mutate({ identifier: ada.username, password: ada.password });
    await waitFor(() => expect(signal).toBeDefined());
    unmount();
    expect(signal?.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(t.queryClient.getQueryData(authQueryKeys(t.client.baseUrl).session)).toBeNull();
  });

  it('change password keeps the user signed in with the new session; a wrong current password names the field', async () => {
    const t = setup();
    await t.signIn();
    const { result } = hooks(t, useChangePassword);
    await waitFor(() => expect(result.current.auth.status).toBe('authenticated'));
    result.current.flow.mutate({ currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
    await waitFor(() => expect(result.current.flow.isError).toBe(true));
    expect(result.current.flow.error?.fields.currentPassword).toBeTruthy();
    expect(result.current.auth.status).toBe('authenticated');

    requests.length = 0;
    result.current.flow.mutate({ currentPassword: ada.password, newPassword: 'a brand new passphrase' });
    await waitFor(() => expect(result.current.flow.isSuccess).toBe(true));
    expect(result.current.auth.status).toBe('authenticated');
    expect(requests).toEqual(['POST password/change']);
  });

  it('update profile replaces the user every reader sees, without a GET', async () => {
    const t = setup();
    await t.signIn();
    const { result } = hooks(t, useUpdateProfile);
    await waitFor(() => expect(result.current.auth.user?.name).toBe('Ada Lovelace'));
    requests.length = 0;
    result.current.flow.mutate({ name: 'Countess of Lovelace' });
    await waitFor(() => expect(result.current.auth.user?.name).toBe('Countess of Lovelace'));
    expect(requests).toEqual(['PATCH user']);
  });

  it('forgot password, reset password and forgot username', async () => {
    const t = setup();
    const { result } = hooks(t, () => ({ forgot: useForgotPassword(), reset: useResetPassword(), username: useForgotUsername(), login: useLogin() }));
    await waitFor(() => expect(result.current.auth.status).toBe('unauthenticated'));
    result.current.flow.forgot.mutate({ identifier: 'nobody-here' });
    await waitFor(() => expect(result.current.flow.forgot.isSuccess).toBe(true));
    result.current.flow.forgot.reset();
    result.current.flow.forgot.mutate({ identifier: 'ada' });
    await waitFor(() => expect(result.current.flow.forgot.isSuccess).toBe(true));
    const token = t.backend.outbox.last('ada@example.com', 'password-reset')?.token;
    if (token === undefined) throw new Error('expected a reset mail');

    result.current.flow.reset.mutate({ token: 'tampered', password: 'my new long passphrase' });
    await waitFor(() => expect(result.current.flow.reset.error?.code).toBe('invalid_token'));
    result.current.flow.reset.mutate({ token, password: 'my new long passphrase' });
    await waitFor(() => expect(result.current.flow.reset.isSuccess).toBe(true));
    expect(result.current.auth.status).toBe('unauthenticated');
    result.current.flow.login.mutate({ identifier: 'ada', password: 'my new long passphrase' });
    await waitFor(() => expect(result.current.auth.status).toBe('authenticated'));

    result.current.flow.username.mutate({ email: 'ada@example.com' });
    await waitFor(() => expect(result.current.flow.username.isSuccess).toBe(true));
    expect(t.backend.outbox.last('ada@example.com', 'username-reminder')).toBeDefined();
  });

  it('reads the config once for every reader', async () => {
    const t = setup({ backend: { config: { registration: 'invite' } } });
    const { result } = hooks(t, () => [useAuthConfig(), useAuthConfig(), useAuthConfig()] as const);
    await waitFor(() => expect(result.current.flow[2].data?.registration).toBe('invite'));
    expect(count('GET config')).toBe(1);
  });
});

describe('admin hooks', () => {
  it('list, create, update, reset link and delete users; the list refreshes after each change', async () => {
    const t = setup();
    await t.signIn();
    const { result } = hooks(t, () => ({
      list: useAdminUsers({ query: '', limit: 50 }),
      create: useAdminCreateUser(),
      update: useAdminUpdateUser(),
      remove: useAdminDeleteUser(),
      link: useAdminResetLink(),
    }));
    await waitFor(() => expect(result.current.flow.list.data?.total).toBe(2));
    result.current.flow.create.mutate({ username: 'carol', email: 'carol@example.com', roles: ['editor'] });
    await waitFor(() => expect(result.current.flow.list.data?.total).toBe(3));
    const carol = result.current.flow.list.data?.users.find((user) => user.username === 'carol');
    if (!carol) throw new Error('expected carol in the list');

    result.current.flow.update.mutate({ id: carol.id, body: { disabled: true } });
    await waitFor(() => expect(result.current.flow.list.data?.users.find((user) => user.id === carol.id)?.disabled).toBe(true));
    result.current.flow.link.mutate(carol.id);
    await waitFor(() => expect(result.current.flow.link.data?.url).toContain('token='));
    result.current.flow.remove.mutate(carol.id);
    await waitFor(() => expect(result.current.flow.list.data?.total).toBe(2));
  });

  it('requests nothing while signed out', async () => {
    const t = setup();
    const { result } = hooks(t, () => useAdminUsers());
    await waitFor(() => expect(result.current.auth.status).toBe('unauthenticated'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(count('GET admin/users')).toBe(0);
    expect(result.current.flow.data).toBeUndefined();
  });

  it('a non-admin gets a forbidden error', async () => {
    const t = setup();
    await t.signIn(bob);
    const { result } = hooks(t, () => useAdminUsers());
    await waitFor(() => expect(result.current.flow.error?.code).toBe('forbidden'));
    expect(count('GET admin/users')).toBe(1);
  });

  it('create, list and revoke invites', async () => {
    const t = setup();
    await t.signIn();
    const { result } = hooks(t, () => ({ list: useAdminInvites(), create: useAdminCreateInvite(), remove: useAdminDeleteInvite() }));
    await waitFor(() => expect(result.current.flow.list.data?.invites).toHaveLength(0));
    result.current.flow.create.mutate({ email: 'new@example.com', expiresInHours: 24 });
    await waitFor(() => expect(result.current.flow.list.data?.invites).toHaveLength(1));
    const code = result.current.flow.create.data?.invite.code;
    if (code === undefined) throw new Error('expected an invite code');
    result.current.flow.remove.mutate(code);
    await waitFor(() => expect(result.current.flow.list.data?.invites).toHaveLength(0));
  });
});

describe('useMessages', () => {
  it('merges the provider messages over the defaults', () => {
    const t = setup();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <AuthProvider client={t.client} queryClient={t.queryClient} messages={{ 'login.title': 'Welcome back' }}>
        {children}
      </AuthProvider>
    );
    const { result } = renderHook(() => useMessages(), { wrapper });
    expect(result.current['login.title']).toBe('Welcome back');
    expect(result.current['error.invalid_credentials']).toBe('The sign-in details are not correct.');
  });
});

describe('hooks outside the provider', () => {
  it.each([
    ['useLogin', useLogin],
    ['useRegister', useRegister],
    ['useAuthConfig', useAuthConfig],
    ['useMessages', useMessages],
    ['useAdminUsers', () => useAdminUsers()],
  ] as const)('%s names the missing provider', (name, hook) => {
    expect(() => renderHook(() => hook())).toThrow(`${name} must be used within <AuthProvider>`);
  });
});

describe('AuthProvider props', () => {
  it('refuses a missing client and base URL, both at once, and a bad loginPath', () => {
    const t = setup();
    expect(() => renderHook(() => useAuth(), { wrapper: ({ children }) => <AuthProvider>{children}</AuthProvider> })).toThrow(
      '<AuthProvider> needs either a `client`',
    );
    expect(() =>
      renderHook(() => useAuth(), {
        wrapper: ({ children }) => (
          <AuthProvider client={t.client} baseUrl="/api/auth">
            {children}
          </AuthProvider>
        ),
      }),
    ).toThrow('pass either `client` or `baseUrl`');
    expect(() =>
      renderHook(() => useAuth(), {
        wrapper: ({ children }) => (
          <AuthProvider baseUrl="/api/auth" loginPath="https://evil.example/login">
            {children}
          </AuthProvider>
        ),
      }),
    ).toThrow('`loginPath` must be a path on this site');
  });

  it('creates its client from baseUrl', async () => {
    setup();
    const { result } = renderHook(() => useAuth(), {
      wrapper: ({ children }) => <AuthProvider baseUrl="/api/auth">{children}</AuthProvider>,
    });
    await waitFor(() => expect(result.current.status).toBe('unauthenticated'));
    expect(count('GET session')).toBe(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
  it('signs in and out through a provider built from baseUrl (each hook sends its own endpoint)', async () => {
    setup();
    const { result } = renderHook(() => ({ auth: useAuth(), login: useLogin() }), {
      wrapper: ({ children }) => <AuthProvider baseUrl="/api/auth">{children}</AuthProvider>,
    });
    await waitFor(() => expect(result.current.auth.status).toBe('unauthenticated'));
    await act(() => result.current.login.mutateAsync({ identifier: 'ada', password: ada.password }));
    await waitFor(() => expect(result.current.auth.user?.username).toBe('ada'));
    await act(() => result.current.auth.logout());
    expect(result.current.auth.status).toBe('unauthenticated');
    expect(requests).toEqual(['GET session', 'POST login', 'POST logout']);
  });

  it('says how to get the bearer transport when a bare provider is asked for it', () => {
    setup();
    expect(() =>
      renderHook(() => useAuth(), {
        wrapper: ({ children }) => (
          // @ts-expect-error: the prop takes only 'cookie'; this is what a JavaScript caller gets
          <AuthProvider baseUrl="/api/auth" transport="bearer">
            {children}
          </AuthProvider>
        ),
      }),
    ).toThrow('the bearer transport comes with createAuthClient; use <AuthProvider client={createAuthClient({ baseUrl, transport: "bearer" })}>');
  });
});
