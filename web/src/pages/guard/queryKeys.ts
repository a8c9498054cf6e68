export const POLICY_QUERY_KEY = ['guard', 'policy'] as const;
export const BRAND_QUERY_KEY = ['guard', 'brand'] as const;
export const FACTS_QUERY_KEY = ['guard', 'facts'] as const;
export const KNOWN_VALUES_QUERY_KEY = ['guard', 'known-values'] as const;
export const CATALOG_QUERY_KEY = ['guard', 'catalog'] as const;
