import { useState, type FormEvent } from 'react';
import { BusyButton } from '../components/busy-button';
import { ErrorNotice } from '../components/error-notice';
import { useAction } from '../components/use-action';
import { navigate } from '../router';
import { useSession } from '../session';

export function CreateWorkspacePage() {
  const session = useSession();
  const [name, setName] = useState('');
  const create = useAction(async () => {
    const { api } = session;
    const workspace = await api.call(() => api.http.POST('/api/v1/workspaces', { body: { name: name.trim() } }));
    await session.reloadWorkspaces();
    await session.switchWorkspace(workspace.id);
    navigate('/settings/keys');
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void create.run();
  }
  return (
    <section>
      <h1>Create a workspace</h1>
      <p className="muted">A workspace has its own conversations, members and API keys. You become its owner.</p>
      <form onSubmit={submit} className="stack narrow">
        <label>
          Workspace name
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <ErrorNotice message={create.error} />
        <BusyButton type="submit" busy={create.busy} busyLabel="Creating…">
          Create workspace
        </BusyButton>
      </form>
    </section>
  );
}
