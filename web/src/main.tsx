import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { ErrorBoundary } from './components/error-boundary';
import { SessionProvider } from './session';
import { PortalApp } from './pages/portal/portal-app';
import './styles.css';

// The customer portal is a separate small app under /app/portal/:workspaceId: no agent session.
const portal = /^\/app\/portal\/([A-Za-z0-9_]+)\/?$/.exec(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      {portal ? (
        <PortalApp workspaceId={portal[1]} />
      ) : (
        <SessionProvider>
          <App />
        </SessionProvider>
      )}
    </ErrorBoundary>
  </StrictMode>,
);
