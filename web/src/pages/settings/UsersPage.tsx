import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchUsers, type UserChanges, updateUser } from '../../api/endpoints';
import type { Role, User } from '../../api/types';
import { useSignedInSession } from '../../auth/SessionProvider';
import { ActionResult, ConfirmActionDialog, useConfirmedAction } from '../../components/ConfirmedAction';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { QueryBoundary } from '../../components/QueryBoundary';
import { TableCard } from '../../components/TableCard';
import { InviteUserForm } from './InviteUserForm';
import { USERS_QUERY_KEY } from './queryKeys';
import { RoleSelect } from './RoleSelect';

/** A change waiting for the administrator's confirmation. */
type PendingChange =
  | { user: User; kind: 'role'; role: Role }
  | { user: User; kind: 'disabled'; disabled: boolean };

function changesOf(pending: PendingChange): UserChanges {
  return pending.kind === 'role' ? { role: pending.role } : { disabled: pending.disabled };
}

export function UsersPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: USERS_QUERY_KEY, queryFn: fetchUsers });
  return (
    <>
      <PageHeader title={t('users.title')} description={t('users.description')} />
      <QueryBoundary query={query} loadingLabel={t('users.loading')}>
        {(data) => (
          <div className="stack">
            <UsersTable users={data.users} />
            <InviteUserForm />
          </div>
        )}
      </QueryBoundary>
    </>
  );
}

function UsersTable({ users }: { users: User[] }) {
  const { t } = useTranslation();
  const { user: me } = useSignedInSession();
  const change = useConfirmedAction({
    run: (pending: PendingChange) => updateUser(pending.user.id, changesOf(pending)),
    done: (pending) => doneMessage(pending, t),
    invalidates: USERS_QUERY_KEY,
  });

  return (
    <>
      <TableCard
        id="users-table-title"
        title={t('users.listTitle', { count: users.length })}
        notice={
          <ActionResult action={change} testId="users-result">
            {change.mutation.isError && !change.pending ? (
              <ErrorNotice error={change.mutation.error} />
            ) : null}
          </ActionResult>
        }
        isEmpty={users.length === 0}
        empty={t('users.empty')}
      >
        <table className="table" data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">{t('users.columns.user')}</th>
              <th scope="col">{t('users.columns.role')}</th>
              <th scope="col">{t('users.columns.status')}</th>
              <th scope="col">{t('users.columns.created')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow key={user.id} user={user} isMe={user.id === me.id} onChange={change.ask} />
            ))}
          </tbody>
        </table>
      </TableCard>
      <ConfirmActionDialog
        action={change}
        title={(pending) => confirmTitle(pending, t)}
        confirmLabel={(pending) => confirmLabel(pending, t)}
        tone={(pending) => (pending.kind === 'disabled' && pending.disabled ? 'danger' : 'primary')}
      >
        {(pending) => <p>{confirmBody(pending, t)}</p>}
      </ConfirmActionDialog>
    </>
  );
}

type T = TFunction;

function doneMessage(pending: PendingChange, t: T): string {
  const username = pending.user.username;
  if (pending.kind === 'role') {
    return t('users.roleChanged', {
      username,
      role: t(`roles.${pending.role}`, { defaultValue: pending.role }),
    });
  }
  return pending.disabled ? t('users.disabledDone', { username }) : t('users.enabledDone', { username });
}

function confirmTitle(pending: PendingChange, t: T): string {
  if (pending.kind === 'role') return t('users.confirmRole.title');
  return pending.disabled ? t('users.confirmDisable.title') : t('users.confirmEnable.title');
}

function confirmLabel(pending: PendingChange, t: T): string {
  if (pending.kind === 'role') return t('users.confirmRole.confirm');
  return pending.disabled ? t('users.confirmDisable.confirm') : t('users.confirmEnable.confirm');
}

function confirmBody(pending: PendingChange, t: T): string {
  const username = pending.user.username;
  if (pending.kind === 'role')
    return t('users.confirmRole.body', { username, role: t(`roles.${pending.role}`) });
  return pending.disabled
    ? t('users.confirmDisable.body', { username })
    : t('users.confirmEnable.body', { username });
}

interface UserRowProps {
  user: User;
  isMe: boolean;
  onChange: (change: PendingChange) => void;
}

function UserRow({ user, isMe, onChange }: UserRowProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(user.role);
  const roleSelectId = `role-${user.id}`;
  const lockedUntil = user.lockedUntil && new Date(user.lockedUntil) > new Date() ? user.lockedUntil : null;

  return (
    <tr data-testid="user-row" data-username={user.username} data-disabled={user.disabled}>
      <th scope="row">
        <span className="cell-primary">
          {user.displayName || user.username}
          {isMe ? <span className="badge badge-muted">{t('users.you')}</span> : null}
        </span>
        {user.displayName || user.email ? (
          <span className="cell-secondary">
            {user.displayName ? user.username : null}
            {user.displayName && user.email ? ' · ' : null}
            {user.email}
          </span>
        ) : null}
      </th>
      <td>
        <div className="inline-control">
          <RoleSelect
            id={roleSelectId}
            value={role}
            onChange={setRole}
            disabled={isMe}
            ariaLabel={t('users.roleFor', { username: user.username })}
            testId="user-role-select"
          />
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={isMe || role === user.role}
            onClick={() => onChange({ user, kind: 'role', role })}
            data-testid="user-role-apply"
          >
            {t('users.applyRole')}
            <span className="visually-hidden"> {user.username}</span>
          </button>
        </div>
      </td>
      <td>
        {user.disabled ? (
          <span className="status status-off" data-testid="user-status">
            {t('users.status.disabled')}
          </span>
        ) : lockedUntil ? (
          <span className="status status-warn" data-testid="user-status">
            {t('users.status.locked')} <DateTime value={lockedUntil} />
          </span>
        ) : (
          <span className="status status-on" data-testid="user-status">
            {t('users.status.active')}
          </span>
        )}
      </td>
      <td>
        <DateTime value={user.createdAt} format="date" />
      </td>
      <td className="cell-actions">
        <button
          type="button"
          className={`button button-small ${user.disabled ? 'button-secondary' : 'button-danger-quiet'}`}
          disabled={isMe}
          title={isMe ? t('users.cannotChangeSelf') : undefined}
          onClick={() => onChange({ user, kind: 'disabled', disabled: !user.disabled })}
          data-testid="user-toggle-disabled"
        >
          {user.disabled ? t('users.enable') : t('users.disable')}
          <span className="visually-hidden"> {user.username}</span>
        </button>
      </td>
    </tr>
  );
}
