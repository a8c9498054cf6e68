import { api, apiRequest } from './client';
import { ApiError } from './problem';
import type {
  ApiToken,
  AuditPage,
  Id,
  InclusionProof,
  KeysState,
  Role,
  Session,
  SignedHead,
  User,
  VerifyResult,
} from './types';

const V1 = '/api/v1';

export function login(username: string, password: string): Promise<Session> {
  return apiRequest<Session>('POST', `${V1}/auth/login`, {
    body: { username, password },
    expectUnauthorized: true,
  });
}

export function logout(): Promise<void> {
  return api.post<void>(`${V1}/auth/logout`);
}

/** The current session, or null when nobody is signed in. */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await api.get<Session>(`${V1}/auth/me`, {
      expectUnauthorized: true,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const fetchUsers = () => api.get<{ users: User[] }>(`${V1}/users`);

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  email?: string;
  displayName?: string;
}

export const createUser = (input: NewUser) => api.post<{ user: User }>(`${V1}/users`, input);

export type UserChanges = Partial<Pick<User, 'role' | 'disabled' | 'displayName' | 'email'>>;

export const updateUser = (id: Id, changes: UserChanges) =>
  api.patch<{ user: User }>(`${V1}/users/${encodeURIComponent(id)}`, changes);

export const fetchTokens = () => api.get<{ tokens: ApiToken[] }>(`${V1}/tokens`);

export interface NewToken {
  name: string;
  role: Role;
  expiresInDays?: number;
}

export const createToken = (input: NewToken) =>
  api.post<{ token: ApiToken; secret: string }>(`${V1}/tokens`, input);

export const revokeToken = (id: Id) => api.delete<void>(`${V1}/tokens/${encodeURIComponent(id)}`);

export const fetchKeys = () => api.get<KeysState>(`${V1}/keys`);
export const rotateKeys = () => api.post<{ version: number }>(`${V1}/keys/rotate`);
/** One bounded batch; call again while `remaining` is above zero. */
export const rewrapKeys = () =>
  api.post<{ rewrapped: number; remaining: number; version?: number }>(`${V1}/keys/rewrap`);

export const fetchAuditEntries = (query: string) => api.get<AuditPage>(`${V1}/audit/entries?${query}`);
export const fetchAuditHead = () => api.get<SignedHead>(`${V1}/audit/head`);
export const verifyAudit = (anchor?: unknown) =>
  api.post<VerifyResult>(`${V1}/audit/verify`, anchor === undefined ? undefined : { anchor });
export const fetchProof = (seq: number) => api.get<InclusionProof>(`${V1}/audit/proof/${seq}`);

/** A plain GET link: the session cookie authenticates it and the browser handles the download. */
export const AUDIT_EXPORT_URL = `${V1}/audit/export`;
