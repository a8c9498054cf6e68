import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Formats numbers in the console's current language (1 500 and 0,800 in French, 1,500 and 0.800 in English). */
export interface NumberFormatters {
  /** An integer or a decimal with up to `digits` (default 2) fraction digits. */
  number: (x: number, digits?: number) => string;
  /** A decimal with exactly `digits` fraction digits (scores, metrics); '–' when absent. */
  fixed: (x: number | null | undefined, digits: number) => string;
  /** A share (0..1) as a percentage with one fraction digit. */
  percent: (x: number) => string;
}

export function numberFormatters(language: string): NumberFormatters {
  const fixedCache = new Map<number, Intl.NumberFormat>();
  const fixedFormat = (digits: number) => {
    let f = fixedCache.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      fixedCache.set(digits, f);
    }
    return f;
  };
  const percent = new Intl.NumberFormat(language, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return {
    number: (x, digits = 2) => new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(x),
    fixed: (x, digits) => (x === null || x === undefined ? '–' : fixedFormat(digits).format(x)),
    percent: (x) => percent.format(x),
  };
}

/** The formatters for the current language, rebuilt when it changes. */
export function useNumberFormat(): NumberFormatters {
  const { i18n } = useTranslation();
  return useMemo(() => numberFormatters(i18n.language), [i18n.language]);
}
