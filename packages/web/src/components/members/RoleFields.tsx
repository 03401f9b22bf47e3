/**
 * @module components/members/RoleFields
 * Choosing a role and, for a unit lead, the unit they lead: two NHS select boxes, the second shown
 * only when it is needed. Shared by the invitation form and changing a member's role.
 */
import type { UnitNode } from '../dashboard/units';
import { unitOptions } from '../dashboard/units';
import type { Role } from './members';
import { ROLES } from './members';
import { FieldErrorMessage, describedBy } from '../form';

export function RoleFields({
  idPrefix,
  role,
  unitId,
  units,
  errors,
  onRole,
  onUnit,
}: {
  idPrefix: string;
  role: Role;
  unitId: string;
  units: readonly UnitNode[];
  errors: Record<string, string>;
  onRole: (role: Role) => void;
  onUnit: (unitId: string) => void;
}): React.JSX.Element {
  const roleId = `${idPrefix}-role`;
  const unitId_ = `${idPrefix}-unit`;
  const roleError = errors[roleId];
  const unitError = errors[unitId_];
  const options = unitOptions(units);
  return (
    <>
      <div className={`nhsuk-form-group${roleError ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={roleId}>
          Role
        </label>
        <div className="nhsuk-hint" id={`${roleId}-hint`}>
          {ROLES.find((r) => r.value === role)?.hint}
        </div>
        <FieldErrorMessage id={roleId} message={roleError} />
        <select
          className={`nhsuk-select${roleError ? ' nhsuk-select--error' : ''}`}
          id={roleId}
          name="role"
          value={role}
          aria-describedby={describedBy(roleId, true, roleError)}
          onChange={(event) => {
            onRole(event.target.value as Role);
          }}
        >
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      {role === 'unit_lead' && (
        <div className={`nhsuk-form-group${unitError ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={unitId_}>
            Unit they lead
          </label>
          <FieldErrorMessage id={unitId_} message={unitError} />
          {options.length === 0 ? (
            <p className="nhsuk-body-s" id={unitId_}>
              This organisation has no units yet: add one before inviting a unit lead.
            </p>
          ) : (
            <select
              className={`nhsuk-select${unitError ? ' nhsuk-select--error' : ''}`}
              id={unitId_}
              name="unitId"
              value={unitId}
              aria-describedby={describedBy(unitId_, false, unitError)}
              onChange={(event) => {
                onUnit(event.target.value);
              }}
            >
              <option value="">Choose a unit</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
    </>
  );
}
