import type { ComponentProps, ComponentRef } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import { defaultMessages, messagesDe } from 'latchkey';
import type {
  AuthResult,
  AuthStatusHeader,
  FormClassNames,
  FormState,
  LinkTarget,
  LoginForm,
  MessageKey,
  Messages,
  RegisterExtraField,
  RegisterForm,
  RegisterResult,
  SessionExpiryWarning,
  UserAdmin,
} from 'latchkey';

describe('widget types', () => {
  it('messages: a translation is typed Messages, overrides are partial, keys are known', () => {
    expectTypeOf(messagesDe).toEqualTypeOf<Messages>();
    expectTypeOf(defaultMessages['login.title']).toEqualTypeOf<string>();
    expectTypeOf<'login.title'>().toMatchTypeOf<MessageKey>();
    expectTypeOf<'login.titel'>().not.toMatchTypeOf<MessageKey>();
    expectTypeOf<{ 'login.submit': string }>().toMatchTypeOf<NonNullable<ComponentProps<typeof LoginForm>['messages']>>();
    // @ts-expect-error an unknown key is refused
    const wrong: ComponentProps<typeof LoginForm> = { messages: { 'login.submitt': 'x' } };
    void wrong;
  });

  it('refs reach the root elements', () => {
    expectTypeOf<ComponentRef<typeof LoginForm>>().toEqualTypeOf<HTMLFormElement>();
    expectTypeOf<ComponentRef<typeof AuthStatusHeader>>().toEqualTypeOf<HTMLDivElement>();
    expectTypeOf<ComponentRef<typeof SessionExpiryWarning>>().toEqualTypeOf<HTMLDivElement>();
    expectTypeOf<ComponentRef<typeof UserAdmin>>().toEqualTypeOf<HTMLElement>();
  });

  it('callbacks carry the contract types; links take a URL or a callback', () => {
    expectTypeOf<ComponentProps<typeof LoginForm>['onSuccess']>().toEqualTypeOf<((result: AuthResult) => void) | undefined>();
    expectTypeOf<ComponentProps<typeof RegisterForm>['onSuccess']>().toEqualTypeOf<((result: RegisterResult) => void) | undefined>();
    expectTypeOf<string>().toMatchTypeOf<LinkTarget>();
    expectTypeOf<() => void>().toMatchTypeOf<LinkTarget>();
    expectTypeOf<ComponentProps<typeof LoginForm>['classNames']>().toEqualTypeOf<FormClassNames | undefined>();
    expectTypeOf<'rate-limited'>().toMatchTypeOf<FormState>();
  });

  it('extra register fields are typed by kind', () => {
    const fields: RegisterExtraField<'company' | 'seats'>[] = [
      { name: 'company', label: 'Company', autoComplete: 'organization' },
      { name: 'seats', label: 'Seats', type: 'number', defaultValue: 3 },
    ];
    void fields;
    // @ts-expect-error a checkbox's default is a boolean
    const bad: RegisterExtraField = { name: 'terms', label: 'Terms', type: 'checkbox', defaultValue: 'yes' };
    void bad;
    // @ts-expect-error a name outside the union is refused
    const outside: RegisterExtraField<'company'> = { name: 'other', label: 'Other' };
    void outside;
  });
});
