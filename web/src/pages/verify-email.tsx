import { useRef, useState, type FormEvent } from 'react';
import { BusyButton } from '../components/busy-button';
import { ErrorNotice } from '../components/error-notice';
import { useAction } from '../components/use-action';
import { Link } from '../router';
import { useSession } from '../session';
import { AuthLayout } from './auth-layout';
import { PasswordField } from '../components/password-field';

/**
 * The landing page of the emailed link: the password chosen at sign-up, then the one-use token
 * is spent. Asking for the password means a click on a link someone else's sign-up with your
 * address made Woes mail you never verifies their account (their password) for them.
 */
export function VerifyEmailPage({ token }: { token: string | null }) {
  const { api } = useSession();
  const kept = useRef(token);
  // Keep the one-use token out of the address bar and history once it is read.
  if (token) history.replaceState(null, '', '/app/verify-email');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const verify = useAction(async () => {
    await api.call(() => api.http.POST('/api/v1/auth/verify-email', { body: { token: kept.current ?? '', password } }));
    setDone(true);
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void verify.run();
  }
  if (!kept.current) {
    return (
      <AuthLayout title="Verify your email">
        <p className="error" role="alert">
          This link has no token. Open the link from the email again.
        </p>
        <p>
          <Link to="/sign-in">Sign in</Link> or <Link to="/sign-up">create an account</Link>.
        </p>
      </AuthLayout>
    );
  }
  if (done) {
    return (
      <AuthLayout title="Verify your email">
        <p role="status">Your email is verified. You can sign in now.</p>
        <Link to="/sign-in" className="button primary">
          Sign in
        </Link>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Verify your email">
      <form className="stack" onSubmit={submit}>
        <p>Enter the password you chose when you signed up to confirm this address is yours.</p>
        <PasswordField
          purpose="current"
          value={password}
          onChange={setPassword}
          optional
          hint="Signed up with Google or Microsoft, without a password? Leave it empty."
        />
        <ErrorNotice message={verify.error} />
        <BusyButton type="submit" busy={verify.busy} busyLabel="Verifying…">
          Verify email
        </BusyButton>
      </form>
      <p>
        Did not sign up? Ignore the email. <Link to="/sign-up">Create an account</Link> or{' '}
        <Link to="/reset-password">reset the password</Link>.
      </p>
    </AuthLayout>
  );
}
