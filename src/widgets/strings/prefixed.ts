/**
 * A slice's strings under one key prefix, written once: `prefixed('login.', { title: 'Sign in' })`
 * is `{ 'login.title': 'Sign in' }`, keys in the same order. The slices are written this way so a
 * bundle carries each prefix once instead of once per key. Internal to the widgets.
 *
 * @example
 * ```ts
 * prefixed('header.', { signIn: 'Sign in', signOut: 'Sign out' }); // { 'header.signIn': 'Sign in', 'header.signOut': 'Sign out' }
 * ```
 */
export function prefixed<P extends string, T extends Record<string, string>>(prefix: P, strings: T): { [K in keyof T & string as `${P}${K}`]: T[K] } {
  const out: Record<string, string> = {};
  for (const key in strings) out[prefix + key] = strings[key] as string;
  return out as { [K in keyof T & string as `${P}${K}`]: T[K] };
}
