import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client';
import type { AppConfig } from '../app-config';
import { BusyButton } from '../components/busy-button';
import { ErrorNotice } from '../components/error-notice';
import { useAction } from '../components/use-action';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { AuthLayout } from './auth-layout';
import { startProviderSignIn, takeProviderAnswer } from './identity-providers';
import { PasswordField } from '../components/password-field';

export function SignInPage({ config }: { config: AppConfig }) {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [unverified, setUnverified] = useState(false);
  const signIn = useAction(async () => {
    setUnverified(false);
    try {
      await session.adopt(await session.api.signIn(email, password));
      navigate('/', { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'email_not_verified') setUnverified(true);
      throw caught;
    }
  });
  const resend = useAction(async () => {
    await session.api.call(() => session.api.http.POST('/api/v1/auth/resend-verification', { body: { email } }));
    navigate('/check-email');
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void signIn.run();
  }
  const providers = [
    config.googleClientId && { id: 'google' as const, label: 'Sign in with Google', clientId: config.googleClientId },
    config.microsoftClientId && {
      id: 'microsoft' as const,
      label: 'Sign in with Microsoft',
      clientId: config.microsoftClientId,
    },
  ].filter((p): p is { id: 'google' | 'microsoft'; label: string; clientId: string } => Boolean(p));
  return (
    <AuthLayout title="Sign in to Woes">
      <form onSubmit={submit} className="stack">
        <label>
          Email
          <input
            required
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <PasswordField purpose="current" value={password} onChange={setPassword} />
        <ErrorNotice message={signIn.error} />
        {unverified && (
          <BusyButton type="button" className="secondary" busy={resend.busy} onClick={() => void resend.run()}>
            Send the verification link again
          </BusyButton>
        )}
        <ErrorNotice message={resend.error} />
        <BusyButton type="submit" busy={signIn.busy} busyLabel="Signing in…">
          Sign in
        </BusyButton>
      </form>
      {providers.length > 0 && (
        <div className="stack providers">
          <p className="divider">or</p>
          {providers.map((p) => (
            <button
              key={p.id}
              type="button"
              className="secondary"
              onClick={() => startProviderSignIn(p.id, p.clientId)}
            >
              {p.label}
            </button>
          ))}
        </div>
      )}
      <p>
        New to Woes? <Link to="/sign-up">Create an account</Link>
      </p>
    </AuthLayout>
  );
}

/** Where Google or Microsoft send the browser back with an ID token in the fragment. */
export function ProviderCallbackPage() {
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const answer = takeProviderAnswer();
    if ('error' in answer) {
      setError(answer.error);
      return;
    }
    session.api
      .signInWithIdToken(answer.provider, answer.idToken)
      .then((tokens) => session.adopt(tokens))
      .then(() => navigate('/', { replace: true }))
      .catch((caught: unknown) => setError(errorMessage(caught)));
  }, [session]);
  return (
    <AuthLayout title="Signing in">
      {error ? (
        <>
          <ErrorNotice message={error} />
          <Link to="/sign-in">Back to sign in</Link>
        </>
      ) : (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Signing you in…
        </p>
      )}
    </AuthLayout>
  );
}
