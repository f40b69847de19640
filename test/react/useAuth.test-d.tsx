import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import type { AuthConfig, AuthResult, LoginRequest, Session, User } from 'latchkey/contract';
import {
  AuthProvider,
  useAuth,
  useAuthConfig,
  useChangePassword,
  useLogin,
  useLogout,
  useRequireAuth,
  useSessionExpiry,
  useSessionState,
  useUpdateProfile,
} from 'latchkey';
import type { AuthConnection, AuthError, AuthState, UseAuthResult } from 'latchkey';

interface MyUser extends User {
  plan: 'free' | 'pro';
}

describe('useAuth types', () => {
  it('narrows the union on status', () => {
    const auth = useAuth();
    expectTypeOf(auth).toEqualTypeOf<UseAuthResult<User>>();
    if (auth.status === 'authenticated') {
      expectTypeOf(auth.user).toEqualTypeOf<User>();
      expectTypeOf(auth.session).toEqualTypeOf<Session<User>>();
      expectTypeOf(auth.error).toEqualTypeOf<null>();
    } else if (auth.status === 'unauthenticated') {
      expectTypeOf(auth.user).toEqualTypeOf<null>();
      expectTypeOf(auth.error).toEqualTypeOf<AuthError | null>();
    } else {
      expectTypeOf(auth.status).toEqualTypeOf<'loading'>();
      expectTypeOf(auth.session).toEqualTypeOf<null>();
    }
    expectTypeOf(auth.hasRole).parameter(0).toEqualTypeOf<string | string[]>();
    expectTypeOf(auth.logout).returns.toEqualTypeOf<Promise<void>>();
  });

  it('never offers a user without narrowing', () => {
    const auth = useAuth();
    expectTypeOf(auth.user).toEqualTypeOf<User | null>();
    // @ts-expect-error: the user may be null until status is narrowed
    void auth.user.username;
  });

  it('carries an extended user type through', () => {
    const auth = useAuth<MyUser>();
    if (auth.status === 'authenticated') {
      expectTypeOf(auth.user.plan).toEqualTypeOf<'free' | 'pro'>();
      expectTypeOf(auth.session.user).toEqualTypeOf<MyUser>();
    }
    expectTypeOf(auth.client).toEqualTypeOf<AuthConnection<MyUser>>();
    const plan = useAuth((s: UseAuthResult<MyUser>) => s.user?.plan ?? null);
    expectTypeOf(plan).toEqualTypeOf<'free' | 'pro' | null>();
    const state: AuthState<MyUser> = auth;
    expectTypeOf(state).toExtend<AuthState<MyUser>>();
  });

  it('returns the selected slice', () => {
    const name = useAuth((s) => s.user?.name ?? null);
    expectTypeOf(name).toEqualTypeOf<string | null>();
    const status = useAuth((s) => s.status);
    expectTypeOf(status).toEqualTypeOf<'loading' | 'authenticated' | 'unauthenticated'>();
  });

  it('types the flow hooks as react-query results with AuthError', () => {
    expectTypeOf(useLogin()).toEqualTypeOf<UseMutationResult<AuthResult<User>, AuthError, LoginRequest>>();
    expectTypeOf(useLogin<MyUser>().data).toEqualTypeOf<AuthResult<MyUser> | undefined>();
    expectTypeOf(useLogout()).toEqualTypeOf<UseMutationResult<void, AuthError, void>>();
    expectTypeOf(useChangePassword().error).toEqualTypeOf<AuthError | null>();
    expectTypeOf(useUpdateProfile<MyUser>().data).toEqualTypeOf<{ user: MyUser } | undefined>();
    expectTypeOf(useAuthConfig()).toEqualTypeOf<UseQueryResult<AuthConfig, AuthError>>();
    // @ts-expect-error: the login body is checked
    useLogin().mutate({ username: 'ada', password: 'x' });
  });

  it('types guards, expiry and session state', () => {
    const guard = useRequireAuth<MyUser>({ roles: ['admin'] });
    expectTypeOf(guard.status).toEqualTypeOf<'loading' | 'allowed' | 'unauthenticated' | 'forbidden' | 'error'>();
    expectTypeOf(guard.user).toEqualTypeOf<MyUser | null>();
    const expiry = useSessionExpiry();
    expectTypeOf(expiry.expiresAt).toEqualTypeOf<Date | null>();
    expectTypeOf(expiry.msLeft).toEqualTypeOf<number | null>();
    const [count, setCount] = useSessionState('count', () => 0);
    expectTypeOf(count).toEqualTypeOf<number>();
    setCount((n) => n + 1);
    // @ts-expect-error: the setter keeps the type
    setCount('one');
  });

  it('accepts a typed client on the provider', () => {
    const client = {} as AuthConnection<MyUser>;
    const session: Session<MyUser> = { user: { id: '1', username: 'ada', email: null, name: null, roles: [], plan: 'pro' }, expiresAt: null };
    expectTypeOf(<AuthProvider client={client} initialSession={session} />).toBeObject();
    // @ts-expect-error: the initial session must match the client's user type
    expectTypeOf(<AuthProvider client={client} initialSession={{ user: { id: '1', username: 'a', email: null, name: null, roles: [] }, expiresAt: null }} />).toBeObject();
  });
});
