import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'danger';

interface NoticeProps {
  tone: Tone;
  title?: string;
  children?: ReactNode;
  testId?: string;
}

// Errors and warnings interrupt (role="alert"); confirmations and information wait their turn.
export function Notice({ tone, title, children, testId }: NoticeProps) {
  const urgent = tone === 'danger' || tone === 'warning';
  return (
    <div className={`notice notice-${tone}`} role={urgent ? 'alert' : 'status'} data-testid={testId}>
      {title ? <p className="notice-title">{title}</p> : null}
      {children ? <div className="notice-body">{children}</div> : null}
    </div>
  );
}

/**
 * A live region that exists before its message does, so screen readers announce what appears in it.
 * Use for results of actions that the user started (saved, created, verified).
 */
export function LiveRegion({ children, testId }: { children?: ReactNode; testId?: string }) {
  return (
    <div aria-live="polite" aria-atomic="true" className="live-region" data-testid={testId}>
      {children}
    </div>
  );
}
