interface Props {
  id: string;
  label: string;
  /** null while the field is empty or not a number. */
  value: number | null;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number | null) => void;
  /** Shown under the field, which is then marked invalid. */
  error?: string;
}

/** Whether a NumberField's value may be saved: present and within its range. */
export const inRange = (value: number | null, min: number, max: number): value is number =>
  value !== null && Number.isFinite(value) && value >= min && value <= max;

/** A labelled, required number input; the server validates the range again. */
export function NumberField({ id, label, value, min, max, step, onChange, error }: Props) {
  const errorId = `${id}-error`;
  return (
    <div className="field field-narrow">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={step ?? 1}
        required
        value={value ?? ''}
        // An empty field (or text the browser cannot read as a number) is '' here: never 0.
        onChange={(e) => onChange(e.target.value.trim() === '' ? null : Number(e.target.value))}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={id}
      />
      {error ? (
        <p id={errorId} className="field-error" data-testid={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
