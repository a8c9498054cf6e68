import { useTranslation } from 'react-i18next';
import { NetworkError } from '../api/client';
import { invalidFields, isApiError, problemMessage } from '../api/problem';

// Codes of the server's error catalog (src/core/errors.ts) that the console words in both languages.
const KNOWN_CODES = [
  'BAD_REQUEST',
  'VALIDATION',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'CSRF',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'URI_TOO_LONG',
  'UNSUPPORTED_MEDIA_TYPE',
  'LOCKED',
  'RATE_LIMITED',
  'DECRYPT_FAILED',
  'MASTER_KEY_MISMATCH',
  'INTEGRITY',
  'CONFIG',
  'NOT_READY',
  'INTERNAL',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

const isKnownCode = (code: string | undefined): code is KnownCode =>
  code !== undefined && (KNOWN_CODES as readonly string[]).includes(code);

export interface ErrorText {
  /** In the reader's language: what kind of failure this is. */
  headline: string;
  /** The server's own detail (or title), as it sent it; for invalid inputs, their names instead. */
  detail?: string;
}

/** A form's label for an input the server names (`kAnonymity`, `patch.email`); unknown ones keep their name. */
export type FieldLabel = (name: string) => string | undefined;

export function useErrorText(fieldLabel?: FieldLabel): (error: unknown) => ErrorText {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof NetworkError) return { headline: t('errors.network') };
    if (!isApiError(error)) return { headline: t('errors.unexpected') };
    const code = error.problem.code;
    const headline = isKnownCode(code)
      ? t(`errors.codes.${code}`)
      : t('errors.http', { status: error.status });
    // The server's validation messages are English rules (zod's): name the fields in the reader's
    // language instead, and let the form mark them.
    const fields = invalidFields(error);
    if (fields.length > 0)
      return {
        headline,
        detail: t('errors.fields', { fields: fields.map((f) => fieldLabel?.(f) ?? f).join(', ') }),
      };
    // A situation the console knows by its reason is worded in the reader's language.
    const { reason } = error.problem;
    if (reason && i18n.exists(`errors.reasons.${reason}`))
      return { headline, detail: t(`errors.reasons.${reason}`, { defaultValue: reason }) };
    const detail = problemMessage(error.problem);
    return detail ? { headline, detail } : { headline };
  };
}

/** One line for places with no room for two. */
export function useErrorMessage(): (error: unknown) => string {
  const text = useErrorText();
  return (error) => {
    const { headline, detail } = text(error);
    return detail ? `${headline} ${detail}` : headline;
  };
}

interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
  testId?: string;
  /** Names the invalid inputs of a VALIDATION problem with the form's labels. */
  fieldLabel?: FieldLabel;
}

export function ErrorNotice({ error, onRetry, testId, fieldLabel }: ErrorNoticeProps) {
  const { t } = useTranslation();
  const { headline, detail } = useErrorText(fieldLabel)(error);
  return (
    <div className="notice notice-danger" role="alert" data-testid={testId ?? 'error'}>
      <p className="notice-title">{headline}</p>
      <div className="notice-body">
        {detail ? <p data-testid="error-detail">{detail}</p> : null}
        {onRetry ? (
          <button type="button" className="button button-secondary button-small" onClick={onRetry}>
            {t('common.retry')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
