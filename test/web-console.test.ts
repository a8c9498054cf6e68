// Pure logic of the web console: what each role is shown, audit query building, problem parsing,
// token states. The React components are exercised by the end-to-end test in Chromium.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, permissionsOf, ROLES } from '../src/core/access/permissions.js';
import { ApiError, invalidFields, parseProblem, problemMessage } from '../web/src/api/problem.js';
import {
  hasAnyPermission,
  type NavKey,
  visibleNavItems,
  visibleSettingsSections,
} from '../web/src/auth/access.js';
import { PERMISSION_LABELS, permissionLabelKey } from '../web/src/auth/permissionLabels.js';
import { numberFormatters } from '../web/src/lib/numberFormat.js';
import {
  type AuditFilters,
  EMPTY_FILTERS,
  entriesQuery,
  filtersFromSearch,
  filtersToSearch,
  parseDay,
  validateFilters,
} from '../web/src/pages/audit/query.js';
import { issueLines } from '../web/src/pages/customers/importIssues.js';
import { type RewrapBatch, rewrapUntilDone } from '../web/src/pages/settings/rewrap.js';
import { tokenStatus } from '../web/src/pages/settings/tokenStatus.js';

// The server's own permission table: if it changes, this test says what the console now shows.
const ROLE_PERMISSIONS: Record<string, string[]> = {
  ...Object.fromEntries(ROLES.map((role) => [role, permissionsOf(role)])),
  nobody: [],
};

describe('navigation by permission', () => {
  it.each<[string, NavKey[]]>([
    [
      'admin',
      [
        'overview',
        'check',
        'studio',
        'assistant',
        'customers',
        'segments',
        'recommendations',
        'fairness',
        'integrity',
        'shield',
        'audit',
        'settings',
      ],
    ],
    ['editor', ['overview', 'check', 'studio', 'assistant', 'shield']],
    ['reviewer', ['overview', 'check', 'studio', 'fairness', 'shield', 'settings']],
    [
      'analyst',
      ['overview', 'check', 'customers', 'segments', 'recommendations', 'fairness', 'integrity', 'shield'],
    ],
    ['security', ['overview', 'check', 'integrity', 'shield', 'audit']],
    ['auditor', ['overview', 'fairness', 'integrity', 'shield', 'audit']],
    ['nobody', ['overview']],
  ])('shows %s the entries %j', (role, expected) => {
    expect(visibleNavItems(ROLE_PERMISSIONS[role] ?? []).map((item) => item.key)).toEqual(expected);
  });

  it.each([
    ['admin', ['users', 'tokens', 'keys', 'policy', 'brand', 'facts', 'knownValues', 'catalog']],
    ['editor', ['policy', 'brand', 'facts', 'catalog']],
    ['auditor', ['policy', 'brand', 'facts', 'catalog']],
    ['tokens only', ['tokens']],
  ])('opens the settings sections of %s: %j', (role, expected) => {
    const permissions = ROLE_PERMISSIONS[role] ?? ['tokens:manage'];
    expect(visibleSettingsSections(permissions).map((section) => section.key)).toEqual(expected);
  });

  it('treats an empty requirement as open to everyone and otherwise needs one match', () => {
    expect(hasAnyPermission([], [])).toBe(true);
    expect(hasAnyPermission(['a'], ['b', 'a'])).toBe(true);
    expect(hasAnyPermission(['a'], ['b'])).toBe(false);
    // No prefix or wildcard matching: 'ledger' is not 'ledger:read'.
    expect(hasAnyPermission(['ledger'], ['ledger:read'])).toBe(false);
  });
});

describe('permission labels', () => {
  const english = JSON.parse(readFileSync(new URL('../web/src/i18n/en.json', import.meta.url), 'utf8')) as {
    permissions: Record<string, string>;
  };

  it('describes every permission the server can grant, with a string in the catalogue', () => {
    for (const permission of Object.keys(PERMISSIONS)) {
      const key = permissionLabelKey(permission);
      expect(key, permission).toBeDefined();
      expect(english.permissions[(key ?? '').replace('permissions.', '')], permission).toBeTruthy();
    }
    expect(Object.keys(PERMISSION_LABELS).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it.each(['unknown:thing', '', 'toString', '__proto__'])('has no label for %j', (permission) => {
    expect(permissionLabelKey(permission)).toBeUndefined();
  });
});

describe('audit filters', () => {
  const filters = (partial: Partial<AuditFilters>): AuditFilters => ({ ...EMPTY_FILTERS, ...partial });

  it.each([
    ['2026-11-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-1-5', false],
    ['28/11/2026', false],
    ['', false],
  ])('parses %s as a real day: %s', (text, valid) => {
    expect(parseDay(text) !== undefined).toBe(valid);
  });

  it.each([
    [filters({}), undefined],
    [filters({ since: '2026-11-01', until: '2026-11-30' }), undefined],
    [filters({ since: '2026-11-30', until: '2026-11-30' }), undefined],
    [filters({ since: '2026-12-01', until: '2026-11-30' }), 'rangeReversed'],
    [filters({ since: '2026-02-30' }), 'invalidSince'],
    [filters({ until: 'tomorrow' }), 'invalidUntil'],
  ])('validates %j as %s', (value, problem) => {
    expect(validateFilters(value)).toBe(problem);
  });

  it('sends only the filters that are set, trimmed, with the page size', () => {
    expect(entriesQuery(EMPTY_FILTERS, null)).toBe('limit=50');
    const query = new URLSearchParams(
      entriesQuery(filters({ action: ' user.create ', actor: 'admin' }), 120, 20),
    );
    expect(Object.fromEntries(query)).toEqual({
      action: 'user.create',
      actor: 'admin',
      before: '120',
      limit: '20',
    });
  });

  it('covers whole local days, the end day included', () => {
    const query = new URLSearchParams(
      entriesQuery(filters({ since: '2026-11-02', until: '2026-11-03' }), null),
    );
    expect(query.get('since')).toBe(new Date(2026, 10, 2).toISOString());
    expect(query.get('until')).toBe(new Date(new Date(2026, 10, 4).getTime() - 1).toISOString());
  });

  it('keeps the paging cursor 0 (a real seq) and bounds filter length', () => {
    expect(new URLSearchParams(entriesQuery(EMPTY_FILTERS, 0)).get('before')).toBe('0');
    const long = 'x'.repeat(5000);
    expect(new URLSearchParams(entriesQuery(filters({ action: long }), null)).get('action')).toHaveLength(
      100,
    );
    expect(filtersFromSearch(new URLSearchParams({ actor: long })).actor).toHaveLength(100);
  });

  it('round-trips filters through the page URL, dropping empty ones', () => {
    const value = filters({ action: 'token.revoke', until: '2026-11-28' });
    const search = filtersToSearch(value);
    expect(search.toString()).toBe('action=token.revoke&until=2026-11-28');
    expect(filtersFromSearch(search)).toEqual(value);
  });
});

describe('problem documents', () => {
  it.each([
    [
      { title: 'Forbidden', status: 403, detail: 'Missing permission users:manage' },
      'Missing permission users:manage',
    ],
    [{ title: 'Account locked', status: 423 }, 'Account locked'],
    [{ title: '  ', detail: '' }, undefined],
    [{ detail: 42, title: ['x'] }, undefined],
    ['<html>Bad gateway</html>', undefined],
    [null, undefined],
  ])('reads %j as the message %s', (body, message) => {
    expect(problemMessage(parseProblem(body))).toBe(message);
  });

  it('keeps code and integer status, drops the rest', () => {
    expect(parseProblem({ type: 'about:blank', code: 'AUTH_LOCKED', status: 423, extra: 'x' })).toEqual({
      type: 'about:blank',
      code: 'AUTH_LOCKED',
      status: 423,
    });
    expect(parseProblem({ status: '500' })).toEqual({});
  });

  it('keeps a reason the console can word, and only a well-formed one', () => {
    expect(parseProblem({ code: 'CONFLICT', reason: 'own-batch' })).toEqual({
      code: 'CONFLICT',
      reason: 'own-batch',
    });
    expect(parseProblem({ reason: '<img src=x>' })).toEqual({});
    expect(parseProblem({ reason: 'x'.repeat(65) })).toEqual({});
  });

  it('bounds the text it will show', () => {
    const parsed = parseProblem({ detail: 'a'.repeat(10_000) });
    expect(parsed.detail?.length).toBeLessThanOrEqual(501);
  });

  it('gives ApiError the best message available', () => {
    expect(new ApiError(403, { title: 'Forbidden', detail: 'No' }).message).toBe('No');
    expect(new ApiError(502, {}).message).toBe('HTTP 502');
    expect(new ApiError(502, {}).status).toBe(502);
  });

  it('lists the invalid fields of a VALIDATION problem, without the body. prefix, each once', () => {
    const problem = parseProblem({
      code: 'VALIDATION',
      status: 400,
      detail: 'body.kAnonymity: Too small: expected number to be >=2',
      errors: [
        { path: 'body.kAnonymity', message: 'Too small' },
        { path: 'body.kAnonymity', message: 'Not an integer' },
        { path: 'patch.email', message: 'Invalid email' },
        { path: 42, message: 'dropped' },
        'dropped',
      ],
    });
    expect(problem.errors).toHaveLength(3);
    expect(invalidFields(new ApiError(400, problem))).toEqual(['kAnonymity', 'patch.email']);
    expect(invalidFields(new ApiError(409, { code: 'CONFLICT' }))).toEqual([]);
    expect(invalidFields(new Error('x'))).toEqual([]);
  });
});

describe('token status', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  it.each([
    [{ revokedAt: null, expiresAt: null }, 'active'],
    [{ revokedAt: null, expiresAt: '2026-12-28T12:00:00Z' }, 'active'],
    [{ revokedAt: null, expiresAt: '2026-11-28T12:00:00Z' }, 'expired'],
    [{ revokedAt: null, expiresAt: '2026-01-01T00:00:00Z' }, 'expired'],
    [{ revokedAt: '2026-11-01T00:00:00Z', expiresAt: '2026-01-01T00:00:00Z' }, 'revoked'],
    [{ revokedAt: '2026-11-01T00:00:00Z', expiresAt: null }, 'revoked'],
  ])('%j is %s', (token, expected) => {
    expect(tokenStatus(token, now)).toBe(expected);
  });
});

describe('rewrap until done', () => {
  const batches = (...results: RewrapBatch[]) => {
    let call = 0;
    return async () => {
      const result = results[Math.min(call, results.length - 1)];
      call += 1;
      if (!result) throw new Error('no batch');
      return result;
    };
  };

  it.each([
    [
      'one batch',
      [{ rewrapped: 10, remaining: 0 }],
      { rewrapped: 10, remaining: 0, batches: 1, stalled: false },
    ],
    [
      'nothing to do',
      [{ rewrapped: 0, remaining: 0 }],
      { rewrapped: 0, remaining: 0, batches: 1, stalled: false },
    ],
    [
      'several batches',
      [
        { rewrapped: 5000, remaining: 7000 },
        { rewrapped: 5000, remaining: 2000 },
        { rewrapped: 2000, remaining: 0 },
      ],
      { rewrapped: 12000, remaining: 0, batches: 3, stalled: false },
    ],
    [
      'a batch that moves nothing',
      [
        { rewrapped: 5, remaining: 3 },
        { rewrapped: 0, remaining: 3 },
      ],
      { rewrapped: 5, remaining: 3, batches: 2, stalled: true },
    ],
  ])('%s', async (_name, results, expected) => {
    const seen: number[] = [];
    const progress = await rewrapUntilDone(batches(...results), (step) => seen.push(step.remaining));
    expect(progress).toEqual(expected);
    expect(seen).toHaveLength(expected.batches);
  });

  it('stops after the batch limit even if the server keeps reporting progress', async () => {
    const progress = await rewrapUntilDone(batches({ rewrapped: 1, remaining: 1 }), undefined, 4);
    expect(progress).toEqual({ rewrapped: 4, remaining: 1, batches: 4, stalled: false });
  });

  it('passes a failing batch on to the caller', async () => {
    await expect(rewrapUntilDone(batches())).rejects.toThrow('no batch');
  });
});

describe("numbers in the reader's language", () => {
  it('groups thousands and writes decimals per locale', () => {
    const fr = numberFormatters('fr');
    const en = numberFormatters('en');
    expect(fr.number(1500).replace(/\s/g, ' ')).toBe('1 500');
    expect(en.number(1500)).toBe('1,500');
    expect(fr.fixed(0.8, 3)).toBe('0,800');
    expect(en.fixed(0.8, 3)).toBe('0.800');
    expect(en.fixed(null, 3)).toBe('–');
    expect(en.percent(0.125)).toBe('12.5%');
    expect(fr.percent(0.125).replace(/\s/g, ' ')).toBe('12,5 %');
  });
});

describe('import report lines', () => {
  it('lists an unknown column once with its rows, every other problem on its own line', () => {
    const issue = (row: number, column: string, code: 'unknown_column' | 'invalid_value') => ({
      row,
      column,
      code,
      reason: code,
    });
    const lines = issueLines([
      issue(2, 'nickname', 'unknown_column'),
      issue(2, 'email', 'invalid_value'),
      issue(3, 'nickname', 'unknown_column'),
      issue(3, 'email', 'invalid_value'),
      issue(4, 'nickname', 'unknown_column'),
    ]);
    expect(lines.map((l) => [l.column, l.code, l.rows])).toEqual([
      ['nickname', 'unknown_column', [2, 3, 4]],
      ['email', 'invalid_value', [2]],
      ['email', 'invalid_value', [3]],
    ]);
  });
});
