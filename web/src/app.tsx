import { useEffect, useState, type ComponentType } from 'react';
import { DEFAULT_CONFIG, loadAppConfig, type AppConfig } from './app-config';
import { AcceptInvitePage } from './pages/accept-invite';
import { CheckEmailPage } from './pages/check-email';
import { CreateWorkspacePage } from './pages/create-workspace';
import { KeysPage } from './pages/keys/keys-page';
import { ResetPasswordPage } from './pages/reset-password';
import { AuditPage } from './pages/settings/audit-page';
import { MembersPage } from './pages/settings/members-page';
import { WidgetKeysPage } from './pages/settings/widget-keys-page';
import { ProviderCallbackPage, SignInPage } from './pages/sign-in';
import { SignUpPage, type PendingSignUp } from './pages/sign-up';
import { VerifyEmailPage } from './pages/verify-email';
import { Link, navigate, useLocation } from './router';
import { useSession } from './session';
import { Shell } from './shell';

/** Pages that never need a session. */
const PUBLIC = new Set(['/sign-up', '/check-email', '/verify-email', '/auth/callback', '/reset-password', '/accept-invite']);
/** Pages a signed-in person is sent away from. */
const SIGNED_OUT_ONLY = new Set(['/sign-in', '/sign-up']);

const PRIVATE_PAGES: Record<string, ComponentType> = {
  '/settings/keys': KeysPage,
  '/settings/widget-keys': WidgetKeysPage,
  '/settings/members': MembersPage,
  '/settings/audit': AuditPage,
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

  const target = redirectFor(path, session.status, session.workspace !== null);
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
  const Page = PRIVATE_PAGES[path];
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

function redirectFor(path: string, status: string, hasWorkspace: boolean): string | null {
  if (status === 'loading') return null;
  if (status === 'signed-out') return PUBLIC.has(path) || path === '/sign-in' ? null : '/sign-in';
  if (SIGNED_OUT_ONLY.has(path) || path === '/') return hasWorkspace ? '/settings/keys' : '/workspaces/new';
  return null;
}

function titleOf(path: string): string {
  const titles: Record<string, string> = {
    '/sign-up': 'Sign up',
    '/check-email': 'Check your email',
    '/verify-email': 'Verify your email',
    '/sign-in': 'Sign in',
    '/settings/keys': 'API keys',
    '/settings/widget-keys': 'Widget keys',
    '/settings/members': 'Members & invites',
    '/settings/audit': 'Audit log',
    '/workspaces/new': 'New workspace',
  };
  return titles[path] ?? 'Woes';
}
