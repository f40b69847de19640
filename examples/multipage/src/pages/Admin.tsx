import { InviteAdmin, UserAdmin, useAuth } from 'latchkey';

export function Admin() {
  return (
    <>
      <h1>Administration</h1>
      <UserAdmin />
      <InviteAdmin />
    </>
  );
}

/** What a signed-in user without the role admin sees at /admin. */
export function NotAllowed() {
  const username = useAuth((auth) => auth.user?.username);
  return (
    <>
      <h1>Not allowed</h1>
      <p>This page is for administrators. You are signed in as {username}, who does not have the role admin.</p>
    </>
  );
}
