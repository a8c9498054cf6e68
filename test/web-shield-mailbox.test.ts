// Pure logic of the console's reported mailbox settings form, and the receiving servers of the
// protection form. The API side is tested in test/server/shield-mailbox.test.ts.
import { describe, expect, it } from 'vitest';
import type { MailboxSettings } from '../web/src/api/shieldMailboxTypes.js';
import { fromProtectionDraft, toProtectionDraft } from '../web/src/pages/shield/logic.js';
import { fromMailboxDraft, toMailboxDraft } from '../web/src/pages/shield/mailboxForm.js';

const stored: MailboxSettings = {
  enabled: true,
  imap: {
    host: 'imap.corp.example',
    port: 993,
    tls: 'tls',
    user: 'report',
    folder: 'INBOX',
    moveTo: 'Done',
    passwordSet: true,
  },
  smtp: {
    host: 'smtp.corp.example',
    port: 587,
    tls: 'starttls',
    user: 'relay',
    from: 'vigie@corp.example',
    passwordSet: true,
  },
  pollMinutes: 5,
  maxMessagesPerPoll: 30,
  reporterDomains: ['corp.example'],
  offline: true,
  defaultLocale: 'fr',
  lastPollAt: null,
  lastPoll: null,
};

describe('mailbox settings form', () => {
  it('never holds a stored password, and sends none unless one is typed', () => {
    const draft = toMailboxDraft(stored);
    expect(draft.imapPassword).toBe('');
    const { input } = fromMailboxDraft(draft);
    expect(input?.imap).not.toHaveProperty('password');
    expect(input?.smtp).not.toHaveProperty('password');
    expect(input).toMatchObject({ maxMessagesPerPoll: 30, reporterDomains: ['corp.example'], offline: true });
    const typed = fromMailboxDraft({
      ...draft,
      imapPassword: 'new secret',
      reporterDomains: 'A.example, b.example',
    });
    expect(typed.input?.imap.password).toBe('new secret');
    expect(typed.input?.reporterDomains).toEqual(['a.example', 'b.example']);
  });

  it.each([
    [{ imapHost: ' ' }, 'imapHost'],
    [{ imapPort: '0' }, 'imapPort'],
    [{ smtpPort: '70000' }, 'smtpPort'],
    [{ from: 'not an address' }, 'from'],
    [{ pollMinutes: '1.5' }, 'pollMinutes'],
  ])('points at the first field the server would refuse: %o', (change, problem) => {
    expect(fromMailboxDraft({ ...toMailboxDraft(stored), ...change }).problem).toBe(problem);
  });

  it.each([
    [{ imapHost: 'imap.evil.example' }, 'imapPassword'],
    [{ imapPort: '994' }, 'imapPassword'],
    [{ imapUser: 'other' }, 'imapPassword'],
    [{ smtpHost: 'smtp.evil.example' }, 'smtpPassword'],
    [{ smtpPort: '2525' }, 'smtpPassword'],
    [{ smtpUser: 'other' }, 'smtpPassword'],
  ])('asks for the password again when the server changes: %o', (change, problem) => {
    const draft = { ...toMailboxDraft(stored), ...change };
    expect(fromMailboxDraft(draft, stored).problem).toBe(problem);
    const typed = { imapPassword: 'typed', smtpPassword: 'typed' };
    expect(fromMailboxDraft({ ...draft, ...typed }, stored).problem).toBeUndefined();
    // Unchanged servers keep their stored passwords.
    expect(fromMailboxDraft(toMailboxDraft(stored), stored).problem).toBeUndefined();
  });

  it('starts a new mailbox with the usual ports', () => {
    expect(toMailboxDraft(null)).toMatchObject({ imapPort: '993', smtpPort: '587', folder: 'INBOX' });
  });
});

describe('protection form: receiving servers', () => {
  it('round-trips the authserv-ids, lower-cased', () => {
    const draft = toProtectionDraft({ brands: [], vips: [], authservIds: ['mx.corp.example'] });
    expect(draft.authservIds).toBe('mx.corp.example');
    expect(fromProtectionDraft({ ...draft, authservIds: 'MX1.corp.example, mx2.corp.example' })).toEqual({
      protection: { brands: [], vips: [], authservIds: ['mx1.corp.example', 'mx2.corp.example'] },
    });
  });
});
