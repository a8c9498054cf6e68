import type { ReactNode } from 'react';

interface ScrollRegionProps {
  labelledBy: string;
  children: ReactNode;
  busy?: boolean;
}

/** A horizontally scrollable area for wide tables; focusable so keyboard users can scroll it. */
export function ScrollRegion({ labelledBy, children, busy }: ScrollRegionProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: WCAG 2.1.1 wants scrollable regions reachable by keyboard.
    <section className="table-scroll" aria-labelledby={labelledBy} tabIndex={0} aria-busy={busy}>
      {children}
    </section>
  );
}
