export const ANALYSES_QUERY_KEY = ['shield', 'analyses'] as const;
export const WATCH_QUERY_KEY = ['shield', 'watch'] as const;
export const ALERTS_QUERY_KEY = ['shield', 'alerts'] as const;
export const PROTECTION_QUERY_KEY = ['shield', 'protection'] as const;
export const MAILBOX_REPORTS_QUERY_KEY = ['shield', 'mailbox', 'reports'] as const;
export const MAILBOX_SETTINGS_QUERY_KEY = ['shield', 'mailbox', 'settings'] as const;
