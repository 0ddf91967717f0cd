import { useEffect, useState, type FormEvent } from 'react';
import { portalHttp } from './portal-api';

async function outboxLink(workspaceId: string, email: string): Promise<string | null> {
  const response = await fetch('/app/outbox/portal-link', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspaceId, email }),
  });
  return response.ok ? ((await response.json()) as { link: string }).link : null;
}

/** Enter email → "check your email" (with the outbox link in embedded mode, on a local setup). */
export function PortalSignIn({
  workspaceId,
  outbox,
  notice,
}: {
  workspaceId: string;
  outbox: boolean;
  notice: string | null;
}) {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    const answer = await portalHttp.POST('/api/v1/portal/magic-link', { body: { workspaceId, email } });
    if (answer.response.status !== 202) {
      setError((answer.error as { error?: string } | undefined)?.error ?? 'The link could not be requested.');
      return;
    }
    setSent(email);
  }

  useEffect(() => {
    if (!sent || !outbox) return;
    let cancelled = false;
    // The email is written a moment after the 202; ask a few times.
    const attempt = async (tries: number): Promise<void> => {
      const found = await outboxLink(workspaceId, sent).catch(() => null);
      if (cancelled) return;
      if (found) setLink(found);
      else if (tries > 0) setTimeout(() => void attempt(tries - 1), 500);
    };
    void attempt(10);
    return () => {
      cancelled = true;
    };
  }, [sent, outbox, workspaceId]);

  if (sent) {
    return (
      <section>
        <h1>Check your email</h1>
        <p>
          If <strong>{sent}</strong> has conversations with us, we sent it a sign-in link. It works once, within 15
          minutes.
        </p>
        {link && (
          <div className="notice">
            <p>
              <strong>Embedded mode:</strong> no mail server is set up, so the email is in the outbox.
            </p>
            <p>
              <a className="button primary" href={link}>
                Open the sign-in link
              </a>
            </p>
          </div>
        )}
        <button type="button" className="secondary" onClick={() => setSent(null)}>
          Use another email
        </button>
      </section>
    );
  }
  return (
    <section>
      <h1>Your support conversations</h1>
      {notice && <p role="status">{notice}</p>}
      <p>Enter the email you wrote to us from; we will send you a sign-in link.</p>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          Email
          <input
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            autoComplete="email"
          />
        </label>
        {error && <p role="alert">{error}</p>}
        <button type="submit" className="primary">
          Email me a link
        </button>
      </form>
    </section>
  );
}
