interface FormSubmitProps {
  /** True while the form's request runs: the button is disabled and says so. */
  busy: boolean;
  label: string;
  busyLabel: string;
  testId?: string;
}

/** A form's actions row with its primary submit button. */
export function FormSubmit({ busy, label, busyLabel, testId }: FormSubmitProps) {
  return (
    <div className="form-actions">
      <button
        type="submit"
        className="button button-primary"
        disabled={busy}
        aria-busy={busy}
        data-testid={testId}
      >
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
