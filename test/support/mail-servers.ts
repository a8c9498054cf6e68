import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * Real mail servers on 127.0.0.1 for tests: Hoodiecrow (a scriptable IMAP4rev1 server by imapflow's
 * author, in memory) and nodemailer's smtp-server, which keeps what it receives.
 */
const require = createRequire(import.meta.url);

interface Hoodiecrow {
  server: import('node:net').Server;
  listen(port: number, host: string, cb?: () => void): void;
  close(cb?: () => void): void;
}
const hoodiecrow = require('hoodiecrow-imap') as (options: Record<string, unknown>) => Hoodiecrow;

export interface TestImap {
  port: number;
  user: string;
  password: string;
  /** Delivers a raw message to a folder (IMAP APPEND, as a mail server would). */
  deliver(raw: string | Buffer, folder?: string): Promise<void>;
  /** The flags of each message in a folder, by UID. */
  flags(folder?: string): Promise<Map<number, string[]>>;
  unref(): void;
  close(): Promise<void>;
}

export async function startImapServer(user = 'phish-report', password = 'imap secret 42'): Promise<TestImap> {
  const hc = hoodiecrow({
    plugins: ['ID', 'UNSELECT', 'ENABLE', 'SPECIAL-USE'],
    storage: {
      INBOX: { messages: [] },
      '': { separator: '/', folders: { Processed: { messages: [] } } },
    },
    users: { [user]: { password } },
  });
  await new Promise<void>((resolve) => hc.listen(0, '127.0.0.1', resolve));
  const port = (hc.server.address() as AddressInfo).port;
  const session = async <T>(fn: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: password },
      logger: false,
      disableAutoIdle: true,
    });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.logout();
    }
  };
  return {
    port,
    user,
    password,
    deliver: (raw, folder = 'INBOX') =>
      session(async (c) => {
        await c.append(folder, raw, []);
      }),
    flags: (folder = 'INBOX') =>
      session(async (c) => {
        const out = new Map<number, string[]>();
        const lock = await c.getMailboxLock(folder);
        try {
          if (c.mailbox && c.mailbox.exists === 0) return out;
          for await (const m of c.fetch('1:*', { uid: true, flags: true }))
            out.set(m.uid, [...(m.flags ?? [])]);
        } finally {
          lock.release();
        }
        return out;
      }),
    unref: () => hc.server.unref(),
    close: () => new Promise<void>((resolve) => hc.close(() => resolve())),
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: Awaited<ReturnType<typeof simpleParser>>;
}

export interface TestSmtp {
  port: number;
  user: string;
  password: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** An SMTP relay that requires AUTH (plain text, loopback only) and keeps every message it accepts. */
export async function startSmtpServer(user = 'vigie-relay', password = 'smtp secret 43'): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === password) cb(null, { user });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then((parsed) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            parsed,
          });
          cb();
        }, cb);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    user,
    password,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let shared: Promise<TestImap> | undefined;

/**
 * Settings for a reported mailbox on an empty IMAP server shared by the whole test file (the route
 * matrix polls it once per role); the server does not keep the process alive.
 */
export async function sharedMailboxSettings(): Promise<Record<string, unknown>> {
  shared ??= startImapServer().then((s) => {
    s.unref();
    return s;
  });
  const imap = await shared;
  return {
    imap: { host: '127.0.0.1', port: imap.port, tls: 'none', user: imap.user, password: imap.password },
    // Never contacted: the shared mailbox stays empty, so there is nobody to answer.
    smtp: { host: '127.0.0.1', port: 9, tls: 'none', from: 'vigie@corp.example' },
  };
}
