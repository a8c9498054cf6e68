import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorNotice } from './ErrorNotice';
import { LiveRegion, Notice } from './Notice';

interface ConfirmedActionOptions<T> {
  run: (item: T) => Promise<unknown>;
  /** The success message announced once the action is done. */
  done: (item: T) => string;
  /** The query to refresh afterwards. */
  invalidates: QueryKey;
}

/**
 * An action on a listed record that asks first (delete, revoke, disable): `ask(item)` opens the
 * confirmation, confirming runs it, and its result is announced.
 */
export function useConfirmedAction<T>({ run, done, invalidates }: ConfirmedActionOptions<T>) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<T>();
  const [result, setResult] = useState<string>();
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: (_answer, item) => {
      setPending(undefined);
      setResult(done(item));
      void queryClient.invalidateQueries({ queryKey: invalidates });
    },
  });
  const ask = (item: T) => {
    mutation.reset();
    setResult(undefined);
    setPending(item);
  };
  return { pending, result, mutation, ask, cancel: () => setPending(undefined) };
}

export type ConfirmedAction<T> = ReturnType<typeof useConfirmedAction<T>>;

/** Announces the action's success (and, optionally, an error that happened outside the dialog). */
export function ActionResult<T>({
  action,
  testId,
  children,
}: {
  action: ConfirmedAction<T>;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <LiveRegion testId={testId}>
      {action.result ? <Notice tone="success">{action.result}</Notice> : null}
      {children}
    </LiveRegion>
  );
}

interface ConfirmActionDialogProps<T> {
  action: ConfirmedAction<T>;
  title: (item: T) => string;
  confirmLabel: (item: T) => string;
  tone?: (item: T) => 'danger' | 'primary';
  children: (item: T) => ReactNode;
}

/** The confirmation of the pending action, with its error when it fails. */
export function ConfirmActionDialog<T>({
  action,
  title,
  confirmLabel,
  tone,
  children,
}: ConfirmActionDialogProps<T>) {
  const item = action.pending;
  if (item === undefined) return null;
  return (
    <ConfirmDialog
      open
      title={title(item)}
      confirmLabel={confirmLabel(item)}
      tone={tone ? tone(item) : 'danger'}
      busy={action.mutation.isPending}
      onCancel={action.cancel}
      onConfirm={() => action.mutation.mutate(item)}
    >
      {children(item)}
      {action.mutation.isError ? <ErrorNotice error={action.mutation.error} /> : null}
    </ConfirmDialog>
  );
}

interface RowActionButtonProps {
  label: string;
  /** Read to screen readers after the label, so each row's button says what it acts on. */
  target: string;
  onClick: () => void;
  testId: string;
}

/** A destructive action in a table row. */
export function RowDangerButton({ label, target, onClick, testId }: RowActionButtonProps) {
  return (
    <button
      type="button"
      className="button button-small button-danger-quiet"
      onClick={onClick}
      data-testid={testId}
    >
      {label}
      <span className="visually-hidden"> {target}</span>
    </button>
  );
}
