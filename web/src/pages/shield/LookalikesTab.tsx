import { useSession } from '../../auth/SessionProvider';
import { AlertsList } from './AlertsList';
import { PermutationsExplorer } from './PermutationsExplorer';
import { SHIELD_PERMISSIONS } from './tabs';
import { WatchList } from './WatchList';

/** Watched brand domains, their alerts, and the permutations explorer. */
export function LookalikesTab() {
  const { can } = useSession();
  const canManage = can(SHIELD_PERMISSIONS.manage);
  return (
    <div className="stack">
      <AlertsList canManage={canManage} />
      <WatchList canManage={canManage} />
      <PermutationsExplorer />
    </div>
  );
}
