import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SignedHead } from '../../api/types';
import { checkHeadSignature, type SignatureVerdict } from '../../lib/ledgerCheck';
import { ed25519Verify, isUnsupported } from '../../lib/webCrypto';

type Outcome = SignatureVerdict | 'unsupported';

async function check(head: SignedHead): Promise<Outcome> {
  try {
    return await checkHeadSignature(ed25519Verify, head);
  } catch (error) {
    if (isUnsupported(error)) return 'unsupported';
    throw error;
  }
}

/** Checks the head's Ed25519 signature in the browser, so the page does not just repeat the server. */
export function HeadSignatureCheck({ head }: { head: SignedHead }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [
      'audit',
      'head-signature',
      head.treeSize,
      head.rootHash,
      head.issuedAt,
      head.signature,
      head.publicKey,
    ],
    queryFn: () => check(head),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const outcome = query.isPending ? 'checking' : query.isError ? 'unsupported' : query.data;
  const tone =
    outcome === 'valid'
      ? 'status-on'
      : outcome === 'checking' || outcome === 'unsupported'
        ? 'status-off'
        : 'status-bad';
  return (
    <p className="check-line" aria-live="polite" data-testid="head-signature-check" data-state={outcome}>
      <span className={`status ${tone}`}>{t(`audit.head.check.${outcome}`, { keyId: head.keyId })}</span>
    </p>
  );
}
