import { Component, type ReactNode } from 'react';

/** Never a blank screen: a rendering failure shows a sentence and a way back. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="auth">
        <section className="card" role="alert">
          <h1>Something went wrong</h1>
          <p>This page failed to show. Reload to try again; your session is kept.</p>
          <a className="button primary" href="/app/">
            Reload
          </a>
        </section>
      </main>
    );
  }
}
