import type { ReactNode } from 'react';
import { CopyButton } from './copy-button';

/**
 * A value shown once (a key, a signing secret, a URL next to it): read-only, selected whole on
 * focus so a manual copy takes it all, with its copy button; `children` follow the button.
 */
export function SecretField({
  label,
  value,
  copyLabel,
  rows,
  children,
}: {
  label: string;
  value: string;
  copyLabel: string;
  /** A multi-line field (a command line) instead of a one-line input. */
  rows?: number;
  children?: ReactNode;
}) {
  // Spell checking is off: a secret is not text to correct, nor to hand to a spelling service.
  const field =
    rows === undefined ? (
      <input className="secret" readOnly value={value} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
    ) : (
      <textarea
        className="secret"
        readOnly
        rows={rows}
        value={value}
        onFocus={(e) => e.currentTarget.select()}
        spellCheck={false}
      />
    );
  return (
    <>
      <label>
        {label}
        {field}
      </label>
      <div className="row">
        <CopyButton text={value} label={copyLabel} />
        {children}
      </div>
    </>
  );
}
