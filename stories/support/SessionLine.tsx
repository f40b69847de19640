import { useAuth } from 'latchkey';

/**
 * One line that says who is signed in, so a story shows what a widget did to the session.
 *
 * @example
 * ```tsx
 * render: (args) => <><SessionLine /><LogoutButton {...args} /></>
 * ```
 */
export function SessionLine() {
  const auth = useAuth();
  const text =
    auth.status === 'loading' ? 'Checking the session…' : auth.status === 'authenticated' ? `Signed in as ${auth.user.username}` : 'Signed out';
  return (
    <p className="lk-story-session" role="status" data-status={auth.status}>
      {text}
    </p>
  );
}
