export const draftsKey = ['studio', 'drafts'] as const;
export const draftKey = (id: string) => ['studio', 'draft', id] as const;
export const kitKey = ['studio', 'brand-kit'] as const;
export const studioPolicyKey = ['studio', 'policy'] as const;
export const providersKey = ['studio', 'providers'] as const;
