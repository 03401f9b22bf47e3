/**
 * @module components/members/RoleChangeForm
 * Changing one member's role (and, for a unit lead, their unit).
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { UnitNode } from '../dashboard/units';
import type { Member, Role } from './members';
import { changeRole } from './members';
import { RoleFields } from './RoleFields';
import { FormErrorSummary, byId, problemsOf } from '../form';
import type { FieldProblem } from '../form';

const FIELDS = {
  role: { id: 'change-role', label: 'Role' },
  unitId: { id: 'change-unit', label: 'Unit' },
};

export function RoleChangeForm({
  odsCode,
  member,
  units,
  onChanged,
  onCancel,
}: {
  odsCode: string;
  member: Member;
  units: readonly UnitNode[];
  onChanged: (member: Member) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  const [role, setRole] = useState<Role>(member.role);
  const [unitId, setUnitId] = useState(member.unitId ?? '');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  useEffect(() => {
    heading.current?.focus();
  }, [member.userId]);
  const mutation = useMutation({
    mutationFn: () =>
      changeRole(odsCode, member.userId, { role, ...(role === 'unit_lead' ? { unitId } : {}) }),
    onSuccess: onChanged,
    onError: (error) => {
      setProblems(problemsOf(error, FIELDS, FIELDS.role.id));
    },
  });
  return (
    <form
      noValidate
      className="nhsuk-card nhsuk-u-padding-4"
      aria-labelledby="change-role-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found: FieldProblem[] =
          role === 'unit_lead' && unitId === ''
            ? [{ id: FIELDS.unitId.id, message: 'Choose the unit they lead' }]
            : [];
        setProblems(found);
        if (found.length === 0) mutation.mutate();
      }}
    >
      <h3 id="change-role-heading" tabIndex={-1} ref={heading}>
        Change the role of {member.displayName}
      </h3>
      <FormErrorSummary problems={problems} headingLevel={4} />
      <RoleFields
        idPrefix="change"
        role={role}
        unitId={unitId}
        units={units}
        errors={byId(problems)}
        onRole={setRole}
        onUnit={setUnitId}
      />
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit">
          {mutation.isPending ? 'Saving…' : 'Save the role'}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
