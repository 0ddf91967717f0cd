import { useRef, useState, type FormEvent } from 'react';
import { BusyButton } from '../components/busy-button';
import { ErrorNotice } from '../components/error-notice';
import { useAction } from '../components/use-action';
import { Link } from '../router';
import { useSession } from '../session';
import { AuthLayout } from './auth-layout';
import { PasswordField } from '../components/password-field';

/** Without a token: ask for the email. With the emailed token: choose a new password. */
export function ResetPasswordPage({ token }: { token: string | null }) {
  const { api } = useSession();
  const kept = useRef(token);
  if (token) history.replaceState(null, '', '/app/reset-password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const send = useAction(async () => {
    if (kept.current) {
      await api.call(() =>
        api.http.POST('/api/v1/auth/password-reset/confirm', { body: { token: kept.current ?? '', password } }),
      );
    } else {
      await api.call(() => api.http.POST('/api/v1/auth/password-reset', { body: { email } }));
    }
    setDone(true);
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void send.run();
  }
  if (done) {
    return (
      <AuthLayout title="Reset your password">
        <p role="status">
          {kept.current
            ? 'Your password is changed and every session has been signed out.'
            : 'If that email has an account, a reset link is on its way.'}
        </p>
        <Link to="/sign-in">Sign in</Link>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Reset your password">
      <form className="stack" onSubmit={submit}>
        {kept.current ? (
          <PasswordField label="New password" purpose="new" value={password} onChange={setPassword} />
        ) : (
          <label>
            Email
            <input
              required
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
        )}
        <ErrorNotice message={send.error} />
        <BusyButton type="submit" busy={send.busy} busyLabel="Sending…">
          {kept.current ? 'Set new password' : 'Send reset link'}
        </BusyButton>
      </form>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </AuthLayout>
  );
}
