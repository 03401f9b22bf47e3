/**
 * @module components/members/InviteForm
 * Inviting someone to the organisation: their email address, their role and, for a unit lead,
 * the unit. The answer is a one-time link to send them (the organisation has no mail server yet).
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { UnitNode } from '../dashboard/units';
import type { NewInvitation, Role } from './members';
import { invite } from './members';
import { RoleFields } from './RoleFields';
import { FormErrorSummary, TextField, byId, problemsOf } from '../form';
import type { FieldProblem } from '../form';

export const INVITE_FIELDS = {
  email: { id: 'invite-email', label: 'Email address' },
  role: { id: 'invite-role', label: 'Role' },
  unitId: { id: 'invite-unit', label: 'Unit' },
};

export function InviteForm({
  odsCode,
  units,
  onInvited,
}: {
  odsCode: string;
  units: readonly UnitNode[];
  onInvited: (invitation: NewInvitation) => void;
}): React.JSX.Element {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [unitId, setUnitId] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const mutation = useMutation({
    mutationFn: (body: { email: string; role: Role; unitId?: string }) => invite(odsCode, body),
    onSuccess: (invitation) => {
      setProblems([]);
      setEmail('');
      setRole('staff');
      setUnitId('');
      onInvited(invitation);
    },
    onError: (error) => {
      setProblems(problemsOf(error, INVITE_FIELDS, INVITE_FIELDS.email.id));
    },
  });
  const errors = byId(problems);
  const emailError = errors[INVITE_FIELDS.email.id];
  return (
    <form
      noValidate
      aria-labelledby="invite-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found: FieldProblem[] = [];
        const address = email.trim();
        if (address === '') found.push({ id: INVITE_FIELDS.email.id, message: 'Enter their email address' });
        else if (!/^[^\s@]+@[^\s@]+$/.test(address))
          found.push({
            id: INVITE_FIELDS.email.id,
            message: 'Enter an email address in the correct format, like name@example.nhs.uk',
          });
        if (role === 'unit_lead' && unitId === '')
          found.push({ id: INVITE_FIELDS.unitId.id, message: 'Choose the unit they lead' });
        setProblems(found);
        if (found.length === 0)
          mutation.mutate({ email: address, role, ...(role === 'unit_lead' ? { unitId } : {}) });
      }}
    >
      <h2 id="invite-heading">Invite someone</h2>
      <p>
        Groundswell makes a link that lets them join with this role. It cannot send email yet: you will send
        them the link yourself.
      </p>
      <FormErrorSummary problems={problems} headingLevel={3} />
      <TextField
        id={INVITE_FIELDS.email.id}
        label="Email address"
        hint="The address they will sign in with, such as name@example.nhs.uk."
        error={emailError}
        name="email"
        type="email"
        width="nhsuk-input--width-30"
        autoComplete="off"
        spellCheck={false}
        value={email}
        onChange={setEmail}
      />
      <RoleFields
        idPrefix="invite"
        role={role}
        unitId={unitId}
        units={units}
        errors={errors}
        onRole={setRole}
        onUnit={setUnitId}
      />
      <button className="nhsuk-button" type="submit">
        {mutation.isPending ? 'Making the invitation…' : 'Make the invitation link'}
      </button>
    </form>
  );
}
