import { useState, type ReactNode } from 'react';
import { BusyButton } from './busy-button';

/**
 * A destructive action asked twice: the first button shows the question, a Cancel and the
 * confirming button (named "<verb> <name>", so screen readers and tests find it).
 */
export function ConfirmButton({
  verb,
  name,
  question,
  busy,
  busyLabel,
  onConfirm,
}: {
  verb: string;
  name: string;
  question: ReactNode;
  busy: boolean;
  busyLabel: string;
  onConfirm: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        {verb}
        <span className="visually-hidden"> {name}</span>
      </button>
    );
  }
  return (
    <>
      <span>{question}</span>
      <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={busy}>
        Cancel
      </button>
      <BusyButton type="button" className="danger" busy={busy} busyLabel={busyLabel} onClick={onConfirm}>
        {verb} {name}
      </BusyButton>
    </>
  );
}
