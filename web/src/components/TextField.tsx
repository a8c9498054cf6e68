interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'email';
  hint?: string;
  optional?: string;
  required?: boolean;
  autoComplete?: string;
  maxLength: number;
}

/** A labelled text input with an optional hint; its data-testid is its id. */
export function TextField(props: TextFieldProps) {
  const {
    id,
    label,
    value,
    onChange,
    type = 'text',
    hint,
    optional,
    required,
    autoComplete,
    maxLength,
  } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional ? <span className="muted label-note"> ({optional})</span> : null}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        aria-required={required}
        autoComplete={autoComplete}
        maxLength={maxLength}
        aria-describedby={hintId}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        data-testid={id}
      />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
