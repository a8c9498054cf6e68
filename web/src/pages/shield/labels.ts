// Typed i18n keys for values the server sends (reason ids), so t() stays checked against en.json.
import { useTranslation } from 'react-i18next';
import type en from '../../i18n/en.json';

type ReasonCatalog = typeof en.shield.reasons;
type ReasonKey = {
  [G in keyof ReasonCatalog]: `shield.reasons.${G}.${keyof ReasonCatalog[G] & string}`;
}[keyof ReasonCatalog];

/** A reason id's short label; ids this console does not know yet are shown as they are. */
export function useReasonLabel(): (id: string) => string {
  const { t, i18n } = useTranslation();
  return (id) => {
    const key = `shield.reasons.${id}`;
    return i18n.exists(key) ? t(key as ReasonKey) : id;
  };
}
