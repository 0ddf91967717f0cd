import { useState, type FormEvent } from 'react';
import { BusyButton } from '../components/busy-button';
import { ErrorNotice } from '../components/error-notice';
import { useAction } from '../components/use-action';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { AuthLayout } from './auth-layout';
import { PasswordField } from '../components/password-field';

export interface PendingSignUp {
  email: string;
  /** Kept in memory only, to fetch the embedded outbox link for this account. */
  password: string;
}

export function SignUpPage({ onRegistered }: { onRegistered: (pending: PendingSignUp) => void }) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspaceName, setWorkspaceName] = useState('');
  const register = useAction(async () => {
    await api.call(() =>
      api.http.POST('/api/v1/auth/register', {
        body: { name, email, password, ...(workspaceName.trim() ? { workspaceName: workspaceName.trim() } : {}) },
      }),
    );
    onRegistered({ email, password });
    navigate('/check-email');
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void register.run();
  }
  return (
    <AuthLayout title="Create your account">
      <form onSubmit={submit} className="stack">
        <label>
          Your name
          <input required autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Work email
          <input required type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <PasswordField
          purpose="new"
          value={password}
          onChange={setPassword}
          hint="At least 8 characters. Common passwords are refused."
        />
        <label>
          Workspace name <span className="muted">(optional)</span>
          <input autoComplete="organization" value={workspaceName} onChange={(e) => setWorkspaceName(e.target.value)} />
        </label>
        <ErrorNotice message={register.error} />
        <BusyButton type="submit" busy={register.busy} busyLabel="Creating account…">
          Create account
        </BusyButton>
      </form>
      <p>
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
