import type { ButtonHTMLAttributes } from 'react';

/** A button that shows progress and cannot be pressed twice while its action runs. */
export function BusyButton({
  busy,
  busyLabel,
  children,
  disabled,
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { busy: boolean; busyLabel?: string }) {
  return (
    <button {...rest} className={className ?? 'primary'} disabled={busy || disabled} aria-busy={busy || undefined}>
      {busy ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {busyLabel ?? 'Working…'}
        </>
      ) : (
        children
      )}
    </button>
  );
}
