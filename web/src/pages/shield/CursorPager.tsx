import { useTranslation } from 'react-i18next';

/** "Newest" and "Older" for lists paged with a `before` cursor (the last row's creation date). */
export function CursorPager({
  paged,
  full,
  onNewest,
  onOlder,
  olderTestId,
}: {
  /** Whether a `before` cursor is set (so "Newest" makes sense). */
  paged: boolean;
  /** Whether the page is full (so there may be older rows). */
  full: boolean;
  onNewest: () => void;
  onOlder: () => void;
  olderTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      {paged ? (
        <button type="button" className="button button-ghost" onClick={onNewest}>
          {t('shield.emails.history.newest')}
        </button>
      ) : null}
      {full ? (
        <button type="button" className="button button-secondary" onClick={onOlder} data-testid={olderTestId}>
          {t('shield.emails.history.older')}
        </button>
      ) : null}
    </div>
  );
}
