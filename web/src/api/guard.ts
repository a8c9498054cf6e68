// Guard's HTTP API (src/server/routes/guard.ts) as the console uses it.
import { api } from './client';
import type {
  BrandDocuments,
  BrandRules,
  CatalogDetector,
  Fact,
  FactInput,
  KnownValue,
  Operator,
  PolicyDocuments,
  RedactResult,
  ScanLang,
  ScanRequest,
  ScanResult,
} from './guardTypes';
import type { Id } from './types';

export * from './guardTypes';

const GUARD = '/api/v1/guard';

export const scanText = (request: ScanRequest) => api.post<ScanResult>(`${GUARD}/scan`, request);

export const redactText = (request: { text: string; operator: Operator; lang: ScanLang }) =>
  api.post<RedactResult>(`${GUARD}/redact`, request);

export const fetchCatalog = () => api.get<{ detectors: CatalogDetector[] }>(`${GUARD}/catalog`);

export const fetchPolicy = () => api.get<PolicyDocuments>(`${GUARD}/policy`);

export const savePolicy = (yaml: string) => api.put<PolicyDocuments>(`${GUARD}/policy`, { yaml });

export const fetchBrand = () => api.get<BrandDocuments>(`${GUARD}/brand`);

export const saveBrandRules = (rules: BrandRules) => api.put<BrandDocuments>(`${GUARD}/brand`, { rules });

export const importBrandYaml = (yaml: string) => api.put<BrandDocuments>(`${GUARD}/brand`, { yaml });

export const fetchFacts = () => api.get<{ facts: Fact[] }>(`${GUARD}/facts`);

export const createFact = (input: FactInput) => api.post<{ fact: Fact }>(`${GUARD}/facts`, input);

export const updateFact = (id: Id, input: FactInput) =>
  api.put<{ fact: Fact }>(`${GUARD}/facts/${encodeURIComponent(id)}`, input);

export const deleteFact = (id: Id) => api.delete<void>(`${GUARD}/facts/${encodeURIComponent(id)}`);

export const fetchKnownValues = () => api.get<{ knownValues: KnownValue[] }>(`${GUARD}/known-values`);

export const addKnownValues = (values: Array<{ value: string; entity: string }>) =>
  api.post<{ added: number; duplicates: number }>(`${GUARD}/known-values`, { values });

export const deleteKnownValue = (id: Id) =>
  api.delete<void>(`${GUARD}/known-values/${encodeURIComponent(id)}`);

/** Puts the original values back into a text (a model's answer) with a kept mapping. */
export const restoreText = (request: { text: string; mapId: string }) =>
  api.post<{ text: string }>(`${GUARD}/restore`, request);
