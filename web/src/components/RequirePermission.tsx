import type { ReactNode } from 'react';
import { useSession } from '../auth/SessionProvider';
import { Forbidden } from './Forbidden';

/** Renders children only for holders of one of the permissions; others get the forbidden page. */
export function RequirePermission({ anyOf, children }: { anyOf: readonly string[]; children: ReactNode }) {
  const { canAny } = useSession();
  return canAny(anyOf) ? children : <Forbidden />;
}
