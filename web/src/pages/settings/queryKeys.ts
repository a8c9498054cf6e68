export const USERS_QUERY_KEY = ['users'] as const;
export const TOKENS_QUERY_KEY = ['tokens'] as const;
export const KEYS_QUERY_KEY = ['keys'] as const;
