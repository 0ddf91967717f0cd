import type { ReactNode } from 'react';

/** The centred card used by the signed-out pages. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth" id="main">
      <p className="brand" aria-hidden="true">
        Woes
      </p>
      <section className="card">
        <h1>{title}</h1>
        {children}
      </section>
    </main>
  );
}
