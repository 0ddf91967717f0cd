import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import type { AppConfig } from '../app-config';
import { BusyButton } from '../components/busy-button';
import { ErrorNotice } from '../components/error-notice';
import { useAction } from '../components/use-action';
import { Link } from '../router';
import { useSession } from '../session';
import { AuthLayout } from './auth-layout';
import type { PendingSignUp } from './sign-up';

/**
 * Fetches the verification link from the embedded outbox, for the account just registered. null
 * while it is not there yet: no email (404), or no account yet (403 until it exists: the server
 * creates the account just after answering the sign-up), unless this is the last try.
 */
async function outboxLink(pending: PendingSignUp, lastTry: boolean): Promise<string | null> {
  const response = await fetch('/app/outbox/verification-link', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(pending),
  });
  if (response.status === 404 || (response.status === 403 && !lastTry)) return null;
  if (!response.ok)
    throw new Error(((await response.json()) as { error?: string }).error ?? 'The outbox could not be read.');
  return ((await response.json()) as { link: string }).link;
}

export function CheckEmailPage({ pending, config }: { pending: PendingSignUp | null; config: AppConfig }) {
  const { api } = useSession();
  const [link, setLink] = useState<string | null>(null);
  const [outboxError, setOutboxError] = useState<string | null>(null);
  const [resent, setResent] = useState(false);
  const resend = useAction(async () => {
    if (!pending) return;
    await api.call(() => api.http.POST('/api/v1/auth/resend-verification', { body: { email: pending.email } }));
    setResent(true);
  });
  useEffect(() => {
    if (!pending || !config.outbox) return;
    let cancelled = false;
    // The account and its email are written a moment after the 202; ask a few times.
    const attempt = async (tries: number): Promise<void> => {
      try {
        const found = await outboxLink(pending, tries === 0);
        if (cancelled) return;
        if (found) setLink(found);
        else if (tries > 0) setTimeout(() => void attempt(tries - 1), 500);
      } catch (caught) {
        if (!cancelled) setOutboxError(errorMessage(caught));
      }
    };
    void attempt(10);
    return () => {
      cancelled = true;
    };
  }, [pending, config.outbox, resent]);
  return (
    <AuthLayout title="Check your email">
      <p>
        {pending ? (
          <>
            We sent a verification link to <strong>{pending.email}</strong>.
          </>
        ) : (
          'We sent you a verification link.'
        )}{' '}
        Open it to finish creating your account. The link works once, for 24 hours.
      </p>
      {config.outbox && (
        <div className="notice" aria-live="polite">
          <p>
            <strong>Embedded mode:</strong> this Woes has no mail server (<code>SMTP_URL</code> is unset), so emails are
            written to its outbox (<code>npx woes mail list</code>).
          </p>
          {link ? (
            <p>
              <a href={link} className="button primary">
                Open the verification link
              </a>
            </p>
          ) : (
            pending && !outboxError && <p className="muted">Looking for your email in the outbox…</p>
          )}
          <ErrorNotice message={outboxError} />
        </div>
      )}
      {pending && (
        <>
          <ErrorNotice message={resend.error} />
          {resent && <p role="status">A new link is on its way.</p>}
          <BusyButton
            type="button"
            className="secondary"
            busy={resend.busy}
            busyLabel="Sending…"
            onClick={() => void resend.run()}
          >
            Send the link again
          </BusyButton>
        </>
      )}
      <p>
        Verified already? <Link to="/sign-in">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
