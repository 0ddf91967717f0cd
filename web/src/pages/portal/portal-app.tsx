import { useEffect, useState } from 'react';
import { DEFAULT_CONFIG, loadAppConfig, type AppConfig } from '../../app-config';
import {
  claimSession,
  forgetSession,
  NOT_THIS_BROWSER,
  PortalSignedOut,
  storedSession,
  handedOverSession,
} from './portal-api';
import { PortalConversations } from './portal-conversations';
import { PortalSignIn } from './portal-sign-in';

/**
 * The customer portal at /app/portal/:workspaceId: a small app of its own, with no agent
 * session. Signed out it asks for an email; the emailed link's Continue page hands a session back.
 */
export function PortalApp({ workspaceId }: { workspaceId: string }) {
  // A session handed over in the URL waits for its claim before anything is shown.
  const [handedOver] = useState<string | null>(() => handedOverSession());
  const [token, setToken] = useState<string | null>(() => (handedOver ? null : storedSession(workspaceId)));
  const [claiming, setClaiming] = useState(handedOver !== null);
  const [config, setConfig] = useState<AppConfig>(DEFAULT_CONFIG);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Support portal';
    void loadAppConfig().then(setConfig);
  }, []);
  useEffect(() => {
    if (handedOver === null) return;
    let live = true;
    void claimSession(workspaceId, handedOver)
      .catch(() => false)
      .then((claimed) => {
        if (!live) return;
        if (claimed) setToken(handedOver);
        else {
          // Whatever this tab held before stays; the handed-over session is not used.
          setToken(storedSession(workspaceId));
          setNotice(NOT_THIS_BROWSER);
        }
        setClaiming(false);
      });
    return () => {
      live = false;
    };
  }, [handedOver, workspaceId]);

  function signedOut(message: string | null): void {
    forgetSession(workspaceId);
    setToken(null);
    setNotice(message);
  }

  return (
    <main className="portal">
      {claiming ? (
        <p aria-busy="true">Signing you in…</p>
      ) : token ? (
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
