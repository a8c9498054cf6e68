export const ANALYSES_QUERY_KEY = ['shield', 'analyses'] as const;
export const WATCH_QUERY_KEY = ['shield', 'watch'] as const;
export const ALERTS_QUERY_KEY = ['shield', 'alerts'] as const;
export const PROTECTION_QUERY_KEY = ['shield', 'protection'] as const;
