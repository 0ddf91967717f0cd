import { useRef, useState, type FormEvent } from 'react';
import { BusyButton } from '../components/busy-button';
import { ErrorNotice } from '../components/error-notice';
import { useAction } from '../components/use-action';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { AuthLayout } from './auth-layout';
import { PasswordField } from '../components/password-field';

/** The emailed invite link: a new person picks a name and password; a signed-in one just joins. */
export function AcceptInvitePage({ token }: { token: string | null }) {
  const session = useSession();
  // Read the one-use token once, then keep it out of the address bar.
  const kept = useRef(token);
  if (token) history.replaceState(null, '', '/app/accept-invite');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const signedIn = session.status === 'signed-in';
  const accept = useAction(async () => {
    // A link without a token is refused by the server with a sentence that says so.
    const token = kept.current ?? '';
    const body = signedIn ? { token } : { token, name, password };
    await session.api.call(() => session.api.http.POST('/api/v1/auth/accept-invite', { body }));
    if (signedIn) {
      await session.reloadWorkspaces();
      navigate('/');
    } else setDone(true);
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void accept.run();
  }
  if (!kept.current) {
    return (
      <AuthLayout title="Join a workspace">
        <p className="error" role="alert">
          This link has no invite token. Open the link from the email again.
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Join a workspace">
      {done ? (
        <>
          <p role="status">You have joined. Sign in with your email and new password.</p>
          <Link to="/sign-in" className="button primary">
            Sign in
          </Link>
        </>
      ) : (
        <form className="stack" onSubmit={submit}>
          {signedIn ? (
            <p>Join as {session.user?.email}.</p>
          ) : (
            <>
              <p className="muted">
                New to Woes? Choose your name and a password. Already have an account?{' '}
                <Link to="/sign-in">Sign in</Link> first, then open the link again.
              </p>
              <label>
                Your name
                <input required autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
              </label>
              <PasswordField purpose="new" value={password} onChange={setPassword} />
            </>
          )}
          <ErrorNotice message={accept.error} />
          <BusyButton type="submit" busy={accept.busy} busyLabel="Joining…">
            Accept invite
          </BusyButton>
        </form>
      )}
    </AuthLayout>
  );
}
