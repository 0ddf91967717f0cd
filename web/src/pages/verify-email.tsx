import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { Link } from '../router';
import { useSession } from '../session';
import { AuthLayout } from './auth-layout';

/** The landing page of the emailed link: spends the one-use token, then offers sign-in. */
export function VerifyEmailPage({ token }: { token: string | null }) {
  const { api } = useSession();
  const [state, setState] = useState<'working' | 'done' | 'failed'>(token ? 'working' : 'failed');
  const [error, setError] = useState<string | null>(
    token ? null : 'This link has no token. Open the link from the email again.',
  );
  const started = useRef(false);
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    // Keep the one-use token out of the address bar and history once it is read.
    history.replaceState(null, '', '/app/verify-email');
    api
      .call(() => api.http.POST('/api/v1/auth/verify-email', { body: { token } }))
      .then(() => setState('done'))
      .catch((caught: unknown) => {
        setError(errorMessage(caught));
        setState('failed');
      });
  }, [api, token]);
  return (
    <AuthLayout title="Verify your email">
      {state === 'working' && (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Verifying…
        </p>
      )}
      {state === 'done' && (
        <>
          <p role="status">Your email is verified. You can sign in now.</p>
          <Link to="/sign-in" className="button primary">
            Sign in
          </Link>
        </>
      )}
      {state === 'failed' && (
        <>
          <p className="error" role="alert">
            {error}
          </p>
          <p>
            <Link to="/sign-in">Sign in</Link> or <Link to="/sign-up">create an account</Link>.
          </p>
        </>
      )}
    </AuthLayout>
  );
}
