import { type Logger, pino } from 'pino';

/** Paths pino blanks wherever they appear: secrets and credentials never reach the logs. */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
];

/**
 * A request path fit for logs and problem documents: the query string is dropped and segments that may
 * be personal data (an e-mail typed where an id belongs) or junk (very long) are masked.
 */
export function maskPath(url: string): string {
  return url
    .split('?')[0]!
    .slice(0, 512)
    .split('/')
    .map((segment) => (segment.length > 64 || looksPersonal(decoded(segment)) ? '…' : segment))
    .join('/');
}

/** Percent-decoded twice (`%2540` is an encoded `%40`); undecodable text is kept as it is. */
function decoded(segment: string): string {
  let text = segment;
  for (let i = 0; i < 2; i++) {
    try {
      text = decodeURIComponent(text);
    } catch {
      break;
    }
  }
  return text;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An e-mail (any at sign, the full-width one included) or a phone number (six digits or more); our own ids are not. */
const looksPersonal = (text: string): boolean =>
  /[@\uFF20]/.test(text) || (!UUID.test(text) && /\d{6}/.test(text.replace(/[\s.()+-]/g, '')));

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Fastify's own request serializer logs the raw URL, query string included.
      serializers: {
        req: (req: LoggedRequest) => ({
          method: req.method,
          url: typeof req.url === 'string' ? maskPath(req.url) : undefined,
          remoteAddress: req.ip,
          remotePort: req.socket?.remotePort,
        }),
      },
    },
    destination ?? process.stderr,
  );
}

export type { Logger };
