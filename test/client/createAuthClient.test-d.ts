import { describe, expectTypeOf, it } from 'vitest';
// Classic zod as an app might use it (design.md allows `import * as z from 'zod'`; the lint rule
// meant for the package's own sources cannot tell a namespace import from the named `z`).
// eslint-disable-next-line no-restricted-imports
import * as zc from 'zod';
import * as z from 'zod/mini';
import { createAuthClient, isAuthError, memoryTokenStorage, persistentTokenStorage } from 'latchkey';
import type { AuthClient, AuthClientEvent, AuthError, AuthErrorCode, TokenStorage } from 'latchkey';
import { UserSchema } from 'latchkey/contract';
import type { AdminUser, AuthConfig, Session, SessionResponse, Tokens, User } from 'latchkey/contract';

const AppUserSchema = z.extend(UserSchema, { plan: z.enum(['free', 'pro']), seats: z.number() });
type AppUser = z.infer<typeof AppUserSchema>;

describe('createAuthClient types', () => {
  it('defaults to the contract user', () => {
    const client = createAuthClient({ baseUrl: '/api/auth' });
    expectTypeOf(client).toEqualTypeOf<AuthClient<User>>();
    expectTypeOf(client.getSession()).resolves.toEqualTypeOf<SessionResponse<User>>();
    expectTypeOf(client.getConfig()).resolves.toEqualTypeOf<AuthConfig>();
    expectTypeOf(client.transport).toEqualTypeOf<'cookie' | 'bearer'>();
  });

  it('an extended user schema gives typed users everywhere', () => {
    const client = createAuthClient({ baseUrl: '/api/auth', userSchema: AppUserSchema });
    expectTypeOf(client).toEqualTypeOf<AuthClient<AppUser>>();
    expectTypeOf(client.login).returns.resolves.toHaveProperty('session').toEqualTypeOf<Session<AppUser>>();
    expectTypeOf<Awaited<ReturnType<typeof client.login>>['session']['user']['plan']>().toEqualTypeOf<'free' | 'pro'>();
    expectTypeOf<NonNullable<Awaited<ReturnType<typeof client.getSession>>['session']>['user']['seats']>().toEqualTypeOf<number>();
    expectTypeOf(client.updateProfile).returns.resolves.toEqualTypeOf<{ user: AppUser }>();
    expectTypeOf(client.extendSession).returns.resolves.toEqualTypeOf<Session<AppUser> | null>();
    expectTypeOf(client.register).returns.resolves.toHaveProperty('session').toEqualTypeOf<Session<AppUser> | null>();
    expectTypeOf(client.subscribe).parameter(0).parameter(0).toEqualTypeOf<AuthClientEvent<AppUser>>();
    // Admin answers stay the contract's admin user.
    expectTypeOf(client.admin.updateUser).returns.resolves.toEqualTypeOf<{ user: AdminUser }>();
  });

  it('accepts a classic zod schema as well', () => {
    const Classic = zc.object({
      id: zc.string(),
      username: zc.string(),
      email: zc.string().nullable(),
      name: zc.string().nullable(),
      roles: zc.array(zc.string()),
      team: zc.string(),
    });
    const client = createAuthClient({ baseUrl: '/api/auth', userSchema: Classic });
    expectTypeOf(client.updateProfile).returns.resolves.toEqualTypeOf<{ user: zc.infer<typeof Classic> }>();
  });

  it('refuses a user schema that is not a contract user', () => {
    const NotAUser = z.object({ id: z.number() });
    // @ts-expect-error: the schema must produce at least the contract's user fields
    createAuthClient({ baseUrl: '/api/auth', userSchema: NotAUser });
  });

  it('takes only the known options and request bodies', () => {
    // @ts-expect-error: transport is 'cookie' | 'bearer'
    createAuthClient({ baseUrl: '/api/auth', transport: 'session' });
    const client = createAuthClient({ baseUrl: '/api/auth' });
    // @ts-expect-error: login needs a password
    void client.login({ identifier: 'ada' });
    // @ts-expect-error: PATCH user does not take roles
    void client.updateProfile({ roles: ['admin'] });
    expectTypeOf(client.login).parameter(1).toEqualTypeOf<AbortSignal | undefined>();
  });

  it('token storages fit the option', () => {
    expectTypeOf(memoryTokenStorage()).toEqualTypeOf<TokenStorage>();
    expectTypeOf(persistentTokenStorage('k')).toEqualTypeOf<TokenStorage>();
    expectTypeOf<TokenStorage['get']>().returns.toEqualTypeOf<Tokens | null>();
  });

  it('AuthError is typed', () => {
    const error: unknown = new Error('x');
    if (isAuthError(error)) {
      expectTypeOf(error).toEqualTypeOf<AuthError>();
      expectTypeOf(error.code).toEqualTypeOf<AuthErrorCode>();
      expectTypeOf(error.status).toEqualTypeOf<number | null>();
      expectTypeOf(error.fields).toEqualTypeOf<Record<string, string>>();
      expectTypeOf(error.retryAfter).toEqualTypeOf<number | null>();
      expectTypeOf(error.endpoint).toEqualTypeOf<string>();
      expectTypeOf(error.retryable).toEqualTypeOf<boolean>();
    }
    const code: AuthErrorCode = 'invalid_credentials';
    expectTypeOf(code).toExtend<string>();
  });
});
