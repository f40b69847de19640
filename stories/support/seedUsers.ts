import type { MockUserSeed } from 'latchkey/mock';

/** An administrator. Sign in with `ada` (or `ada@example.com`) / `correct horse battery staple`. */
export const ADA = {
  id: 'u-ada',
  username: 'ada',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  password: 'correct horse battery staple',
  roles: ['admin', 'user'],
} as const satisfies MockUserSeed;

/** A plain user. Sign in with `grace` (or `grace@example.com`) / `compiler pioneer 1906`. */
export const GRACE = {
  id: 'u-grace',
  username: 'grace',
  email: 'grace@example.com',
  name: 'Grace Hopper',
  password: 'compiler pioneer 1906',
  roles: ['user'],
} as const satisfies MockUserSeed;

/** A disabled account: signing in answers exactly like a wrong password. */
export const LIN = {
  id: 'u-lin',
  username: 'lin',
  email: 'lin@example.com',
  name: 'Lin Chen',
  password: 'disabled account 2024',
  roles: ['user'],
  disabled: true,
} as const satisfies MockUserSeed;

/** The users every story's mock backend starts with. */
export const SEED_USERS: readonly MockUserSeed[] = [ADA, GRACE, LIN];
