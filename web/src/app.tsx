import { useEffect, useState, type ComponentType } from 'react';
import { DEFAULT_CONFIG, loadAppConfig, type AppConfig } from './app-config';
import { AcceptInvitePage } from './pages/accept-invite';
import { CheckEmailPage } from './pages/check-email';
import { CreateWorkspacePage } from './pages/create-workspace';
import { InboxPage } from './pages/inbox/inbox-page';
import { KeysPage } from './pages/keys/keys-page';
import { ResetPasswordPage } from './pages/reset-password';
import { AuditPage } from './pages/settings/audit-page';
import { ChannelsPage } from './pages/settings/channels-page';
import { MembersPage } from './pages/settings/members-page';
import { PortalSettingsPage } from './pages/settings/portal-page';
import { WidgetKeysPage } from './pages/settings/widget-keys-page';
import { WebhooksPage } from './pages/settings/webhooks-page';
import { ApiTestsPage } from './pages/settings/api-tests-page';
import { KeyPolicyPage } from './pages/settings/key-policy-page';
import { ProviderCallbackPage, SignInPage } from './pages/sign-in';
import { SignUpPage, type PendingSignUp } from './pages/sign-up';
import { VerifyEmailPage } from './pages/verify-email';
import { Link, navigate, useLocation } from './router';
import { useSession } from './session';
import { Shell } from './shell';

/** Pages that never need a session. */
const PUBLIC = new Set([
  '/sign-up',
  '/check-email',
  '/verify-email',
  '/auth/callback',
  '/reset-password',
  '/accept-invite',
]);
/** Pages a signed-in person is sent away from. */
const SIGNED_OUT_ONLY = new Set(['/sign-in', '/sign-up']);

const PRIVATE_PAGES: Record<string, ComponentType> = {
  '/inbox': InboxPage,
  '/settings/keys': KeysPage,
  '/settings/widget-keys': WidgetKeysPage,
  '/settings/api-tests': ApiTestsPage,
  '/settings/channels': ChannelsPage,
  '/settings/key-policy': KeyPolicyPage,
  '/settings/members': MembersPage,
  '/settings/audit': AuditPage,
  '/settings/portal': PortalSettingsPage,
  '/settings/webhooks': WebhooksPage,
  '/workspaces/new': CreateWorkspacePage,
};

export function App() {
  const session = useSession();
  const { path, query } = useLocation();
  const [config, setConfig] = useState<AppConfig>(DEFAULT_CONFIG);
  const [pending, setPending] = useState<PendingSignUp | null>(null);
  useEffect(() => {
    void loadAppConfig().then(setConfig);
  }, []);

  // Members who manage keys land on them; everyone else (agents) lands in the Inbox.
  const home = session.scopes.has('keys.read') ? '/settings/keys' : '/inbox';
  const target = redirectFor(path, session.status, session.workspace !== null ? home : null);
  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target]);
  useEffect(() => {
    document.title = `${titleOf(path)} · Woes`;
  }, [path]);

  if (session.status === 'loading' || target) {
    return (
      <p className="loading" role="status">
        <span className="spinner" aria-hidden="true" /> Loading Woes…
      </p>
    );
  }
  switch (path) {
    case '/sign-up':
      return <SignUpPage onRegistered={setPending} />;
    case '/check-email':
      return <CheckEmailPage pending={pending} config={config} />;
    case '/verify-email':
      return <VerifyEmailPage token={query.get('token')} />;
    case '/sign-in':
      return <SignInPage config={config} />;
    case '/auth/callback':
      return <ProviderCallbackPage />;
    case '/reset-password':
      return <ResetPasswordPage token={query.get('token')} />;
    case '/accept-invite':
      return <AcceptInvitePage token={query.get('token')} />;
  }
  // One conversation is /inbox/<id>: the same page, so the list stays while the thread changes.
  const Page = PRIVATE_PAGES[pageOf(path)];
  return (
    <Shell path={path}>
      {Page ? (
        <Page key={session.workspace?.id ?? 'none'} />
      ) : (
        <section>
          <h1>Page not found</h1>
          <p>
            Nothing lives at this address. Go to <Link to="/settings/keys">API keys</Link>.
          </p>
        </section>
      )}
    </Shell>
  );
}

/** Where to send this visit, if anywhere; `home` is the landing page, null without a workspace. */
function redirectFor(path: string, status: string, home: string | null): string | null {
  if (status === 'loading') return null;
  if (status === 'signed-out') return PUBLIC.has(path) || path === '/sign-in' ? null : '/sign-in';
  if (SIGNED_OUT_ONLY.has(path) || path === '/') return home ?? '/workspaces/new';
  return null;
}

function titleOf(path: string): string {
  const titles: Record<string, string> = {
    '/sign-up': 'Sign up',
    '/check-email': 'Check your email',
    '/verify-email': 'Verify your email',
    '/sign-in': 'Sign in',
    '/inbox': 'Inbox',
    '/settings/keys': 'API keys',
    '/settings/widget-keys': 'Widget keys',
    '/settings/api-tests': 'API tests',
    '/settings/channels': 'Channels',
    '/settings/key-policy': 'Key policy',
    '/settings/members': 'Members & invites',
    '/settings/audit': 'Audit log',
    '/settings/portal': 'Customer portal',
    '/settings/webhooks': 'Webhooks',
    '/workspaces/new': 'New workspace',
  };
  return titles[pageOf(path)] ?? 'Woes';
}

function pageOf(path: string): string {
  return path.startsWith('/inbox/') ? '/inbox' : path;
}
