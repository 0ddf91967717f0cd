import type { ReactNode } from 'react';
import { BusyButton } from './components/busy-button';
import { useAction } from './components/use-action';
import { Link, navigate } from './router';
import { useSession } from './session';
import { WorkspaceSwitcher } from './workspace-switcher';

// API keys stays visible to everyone: it is where a member learns whom to ask for a key.
const NAV: { to: string; label: string; scope: string | null; ownersOnly?: boolean }[] = [
  { to: '/inbox', label: 'Inbox', scope: 'conversations.read' },
  { to: '/settings/keys', label: 'API keys', scope: null },
  { to: '/settings/key-policy', label: 'Key policy', scope: 'keys.read', ownersOnly: true },
  { to: '/settings/widget-keys', label: 'Widget keys', scope: 'keys.read' },
  { to: '/settings/api-tests', label: 'API tests', scope: 'apitests.read' },
  { to: '/settings/channels', label: 'Channels', scope: 'channels.read' },
  { to: '/settings/members', label: 'Members & invites', scope: 'members.read' },
  { to: '/settings/audit', label: 'Audit log', scope: 'audit.read' },
  { to: '/settings/portal', label: 'Customer portal', scope: 'workspace.read' },
  { to: '/settings/webhooks', label: 'Webhooks', scope: 'webhooks.read' },
];

/** The signed-in frame: header with the workspace switcher, settings navigation, sign-out. */
export function Shell({ path, children }: { path: string; children: ReactNode }) {
  const session = useSession();
  const signOut = useAction(async (everywhere: boolean) => {
    await session.signOut(everywhere);
    navigate('/sign-in', { replace: true });
  });
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Woes
        </Link>
        <WorkspaceSwitcher />
        <div className="account">
          <span className="muted who" title={session.user?.email}>
            {session.user?.name ?? session.user?.email}
          </span>
          <BusyButton
            type="button"
            className="link"
            busy={signOut.busy}
            busyLabel="Signing out…"
            onClick={() => void signOut.run(false)}
          >
            Sign out
          </BusyButton>
          <BusyButton
            type="button"
            className="link"
            busy={signOut.busy}
            busyLabel="Signing out…"
            onClick={() => void signOut.run(true)}
          >
            Sign out everywhere
          </BusyButton>
        </div>
      </header>
      <div className="frame">
        <nav aria-label="Main" className="sidenav">
          <ul>
            {NAV.filter(
              (item) =>
                (item.scope === null || session.scopes.has(item.scope)) &&
                (!item.ownersOnly || session.workspace?.role === 'owner'),
            ).map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  aria-current={path === item.to || path.startsWith(`${item.to}/`) ? 'page' : undefined}
                >
                  {item.label}
                </Link>
              </li>
            ))}
            <li>
              <Link to="/workspaces/new" aria-current={path === '/workspaces/new' ? 'page' : undefined}>
                New workspace
              </Link>
            </li>
          </ul>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          {signOut.error && (
            <p className="error" role="alert">
              {signOut.error}
            </p>
          )}
          {children}
        </main>
      </div>
    </div>
  );
}
