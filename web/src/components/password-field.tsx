import type { ReactNode } from 'react';

/**
 * The labelled password input of the account pages. `current`: a password the user already chose
 * (the browser offers the saved one); `new`: one being chosen, held to the server's 8–256 characters
 * before it is sent, with an optional hint under it.
 */
export function PasswordField({
  label = 'Password',
  purpose,
  value,
  onChange,
  hint,
  optional = false,
}: {
  label?: string;
  purpose: 'current' | 'new';
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  /** May be left empty (the form says when). */
  optional?: boolean;
}) {
  const chosen = purpose === 'new';
  return (
    <label>
      {label}
      <input
        required={!optional}
        type="password"
        minLength={chosen ? 8 : undefined}
        maxLength={chosen ? 256 : undefined}
        autoComplete={chosen ? 'new-password' : 'current-password'}
        aria-describedby={hint ? 'password-hint' : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <span className="hint" id="password-hint">
          {hint}
        </span>
      )}
    </label>
  );
}
