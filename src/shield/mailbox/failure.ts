import { AppError } from '../../core/errors.js';

/** Certificate and handshake failures as Node, imapflow and nodemailer name them. */
const TLS_CODE = /^(ETLS|ERR_TLS_|ERR_SSL_)|CERT|SELF_SIGNED|HOSTNAME_MISMATCH/;

/**
 * A server that could not be used, in as few words as the person fixing it needs: "could not connect"
 * or "TLS failed", never the socket's code (refused, timed out, unreachable), so the connection test
 * cannot be used to map which internal hosts and ports answer.
 */
export function connectFailure(kind: 'imap' | 'smtp', code: unknown): AppError {
  const name = kind.toUpperCase();
  if (typeof code === 'string' && TLS_CODE.test(code.slice(0, 60)))
    return new AppError('BAD_REQUEST', `${name}: the TLS connection failed`, { reason: `${kind}-tls` });
  return new AppError('BAD_REQUEST', `${name}: could not connect to the server`, {
    reason: `${kind}-connect`,
  });
}
