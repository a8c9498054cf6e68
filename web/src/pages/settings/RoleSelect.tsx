import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../api/types';

interface RoleSelectProps {
  id: string;
  value: Role;
  onChange: (role: Role) => void;
  testId?: string;
  disabled?: boolean;
  /** For selects whose visible label is elsewhere (table cells). */
  ariaLabel?: string;
}

export function RoleSelect({ id, value, onChange, testId, disabled, ariaLabel }: RoleSelectProps) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      value={value}
      disabled={disabled}
      aria-label={ariaLabel}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value as Role)}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </select>
  );
}
