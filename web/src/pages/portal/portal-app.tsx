import { useEffect, useState } from 'react';
import { DEFAULT_CONFIG, loadAppConfig, type AppConfig } from '../../app-config';
import { forgetSession, PortalSignedOut, takeSession } from './portal-api';
import { PortalConversations } from './portal-conversations';
import { PortalSignIn } from './portal-sign-in';

/**
 * The customer portal at /app/portal/:workspaceId: a small app of its own, with no agent
 * session. Signed out it asks for an email; the emailed link's Continue page hands a session back.
 */
export function PortalApp({ workspaceId }: { workspaceId: string }) {
  const [token, setToken] = useState<string | null>(() => takeSession(workspaceId));
  const [config, setConfig] = useState<AppConfig>(DEFAULT_CONFIG);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Support portal';
    void loadAppConfig().then(setConfig);
  }, []);

  function signedOut(message: string | null): void {
    forgetSession(workspaceId);
    setToken(null);
    setNotice(message);
  }

  return (
    <main className="portal">
      {token ? (
        <PortalConversations
          token={token}
          onSignedOut={() => signedOut('You are signed out.')}
          onError={(error) =>
            error instanceof PortalSignedOut ? signedOut(error.message) : setNotice(String((error as Error).message))
          }
        />
      ) : (
        <PortalSignIn workspaceId={workspaceId} outbox={config.outbox} notice={notice} />
      )}
    </main>
  );
}
