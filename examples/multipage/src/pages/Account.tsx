import { AccountForm, ChangePassword } from 'latchkey';

export function Account() {
  return (
    <>
      <h1>Account</h1>
      <AccountForm />
      <ChangePassword />
    </>
  );
}
