import { useState } from 'react';
import { errorMessage } from './api/client';
import { useSession } from './session';

/** Picks the workspace every call goes to (the x-workspace-id header). */
export function WorkspaceSwitcher() {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (session.workspaces.length === 0) return <span className="muted">No workspace yet</span>;
  async function change(id: string): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await session.switchWorkspace(id);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="switcher">
      <label>
        <span className="visually-hidden">Workspace</span>
        <select
          value={session.workspace?.id ?? ''}
          disabled={busy}
          aria-busy={busy || undefined}
          onChange={(e) => void change(e.target.value)}
        >
          {session.workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
