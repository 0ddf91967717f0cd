import { CATEGORIES, PRESETS } from '../../../../src/scopes/scopes';

const CATEGORY_LABELS: Record<string, string> = {
  workspace: 'Workspace settings',
  members: 'Members & invites',
  keys: 'API & widget keys',
  conversations: 'Conversations',
  messages: 'Messages',
  customers: 'Customers',
  sources: 'Knowledge base & sources',
  agents: 'AI agents',
  channels: 'Channels',
  webhooks: 'Webhooks',
  apitests: 'API test credentials (vault)',
  audit: 'Audit log',
};

/** Adds the read scope each write scope includes, so the boxes show what the key gets. */
export function withImpliedReads(scopes: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const scope of scopes) {
    out.add(scope);
    if (scope.endsWith('.write')) out.add(scope.replace(/\.write$/, '.read'));
  }
  return out;
}

/** Scope checkboxes grouped by category, with the read/write/admin presets as shortcuts. */
export function ScopePicker({
  value,
  onChange,
  disabled,
}: {
  value: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  disabled?: boolean;
}) {
  function toggle(scope: string, checked: boolean): void {
    const next = new Set(value);
    if (checked) next.add(scope);
    else next.delete(scope);
    onChange(withImpliedReads(next));
  }
  return (
    <fieldset className="scopes" disabled={disabled}>
      <legend>Scopes</legend>
      <div className="presets" role="group" aria-label="Presets">
        <span className="muted">Presets:</span>
        {Object.keys(PRESETS).map((preset) => (
          <button key={preset} type="button" className="chip" onClick={() => onChange(new Set(PRESETS[preset]))}>
            {preset}
          </button>
        ))}
        <button type="button" className="chip" onClick={() => onChange(new Set())}>
          none
        </button>
      </div>
      <div className="scope-grid">
        {CATEGORIES.map((category) => {
          const write = `${category}.write`;
          const read = `${category}.read`;
          return (
            <fieldset key={category} className="scope-row">
              <legend>{CATEGORY_LABELS[category] ?? category}</legend>
              <label>
                <input
                  type="checkbox"
                  value={read}
                  checked={value.has(read)}
                  // Write includes read: read cannot be removed while write is held.
                  disabled={value.has(write)}
                  onChange={(e) => toggle(read, e.target.checked)}
                />
                <code>{read}</code>
              </label>
              {category !== 'audit' && (
                <label>
                  <input
                    type="checkbox"
                    value={write}
                    checked={value.has(write)}
                    onChange={(e) => toggle(write, e.target.checked)}
                  />
                  <code>{write}</code>
                </label>
              )}
            </fieldset>
          );
        })}
      </div>
    </fieldset>
  );
}
