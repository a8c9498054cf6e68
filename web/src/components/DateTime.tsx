import { useTranslation } from 'react-i18next';

const styles = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  precise: { dateStyle: 'medium', timeStyle: 'medium' },
  date: { dateStyle: 'medium' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A timestamp from the API in the reader's language; unparseable values are shown as received. */
export function DateTime({ value, format = 'dateTime' }: { value: string; format?: keyof typeof styles }) {
  const { i18n } = useTranslation();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {new Intl.DateTimeFormat(i18n.language, styles[format]).format(date)}
    </time>
  );
}
