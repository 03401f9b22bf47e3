/**
 * @module pages/MembersPage
 * An organisation's members (`/organisations/:ref/members`), for those who manage them (its
 * administrators, and platform administrators): the member list with filters, inviting someone
 * (the link is shown once, to send yourself: there is no mail server yet), changing a role,
 * removing, deactivating and reactivating (each after asking), and the pending invitations. Anyone
 * else is told what role it needs; someone signed out is asked to sign in.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { SessionUser } from '../api/session';
import { useSession } from '../api/session';
import { Permitted } from '../components/account/Permitted';
import { useUnitTree } from '../components/dashboard/units';
import { ConfirmChange } from '../components/members/ConfirmChange';
import { InvitationTable, withdrawButtonId } from '../components/members/InvitationTable';
import { InviteForm } from '../components/members/InviteForm';
import { actionButtonId, MemberTable } from '../components/members/MemberTable';
import type { MemberAction } from '../components/members/MemberTable';
import type { Invitation, Member, MemberFilters, NewInvitation } from '../components/members/members';
import {
  memberKeys,
  NO_FILTERS,
  removeMember,
  rolePhrase,
  ROLES,
  setActive,
  STATUSES,
  useInvitations,
  useMembers,
  useOrganisation,
  withdrawInvitation,
} from '../components/members/members';
import { NewInvitationPanel } from '../components/members/NewInvitationPanel';
import { RoleChangeForm } from '../components/members/RoleChangeForm';
import { PageTitle } from '../components/PageTitle';
import { SelectField } from '../components/form';
import { QueryState } from '../components/QueryState';
import '../styles/account.css';

/** Focus goes back to the button that asked, once React has removed the question. */
function refocus(id: string): void {
  requestAnimationFrame(() => {
    document.getElementById(id)?.focus();
  });
}

function FilterForm({ onApply }: { onApply: (filters: MemberFilters) => void }): React.JSX.Element {
  const [draft, setDraft] = useState<MemberFilters>(NO_FILTERS);
  return (
    <form
      className="gs-member-filters"
      aria-label="Filter the members"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="member-search">
          Name or email contains
        </label>
        <input
          className="nhsuk-input nhsuk-input--width-20"
          id="member-search"
          name="search"
          type="search"
          value={draft.search}
          onChange={(event) => {
            setDraft({ ...draft, search: event.target.value });
          }}
        />
      </div>
      <SelectField
        id="member-role-filter"
        label="Role"
        value={draft.role}
        choices={[{ value: '', label: 'Any role' }, ...ROLES]}
        onChange={(value) => {
          setDraft({ ...draft, role: value as MemberFilters['role'] });
        }}
      />
      <SelectField
        id="member-status-filter"
        label="Account"
        value={draft.status}
        choices={[{ value: '', label: 'Any' }, ...STATUSES]}
        onChange={(value) => {
          setDraft({ ...draft, status: value as MemberFilters['status'] });
        }}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Filter
      </button>
    </form>
  );
}

const QUESTIONS: Record<
  Exclude<MemberAction, 'role'>,
  {
    title: (m: Member) => string;
    body: (m: Member, org: string) => string;
    yes: string;
    no: string;
    done: (m: Member) => string;
  }
> = {
  remove: {
    title: (m) => `Remove ${m.displayName}?`,
    body: (m, org) =>
      `${m.displayName} will no longer be a member of ${org} and will lose what their role let them see and do here. If this is their only organisation, they are signed out everywhere.`,
    yes: 'Yes, remove them',
    no: 'No, keep them',
    done: (m) => `${m.displayName} has been removed.`,
  },
  deactivate: {
    title: (m) => `Deactivate the account of ${m.displayName}?`,
    body: (m) =>
      `${m.displayName} is signed out everywhere at once, cannot sign in, and their API tokens stop working, in every organisation. You can reactivate the account later.`,
    yes: 'Yes, deactivate it',
    no: 'No, leave it active',
    done: (m) => `The account of ${m.displayName} has been deactivated.`,
  },
  reactivate: {
    title: (m) => `Reactivate the account of ${m.displayName}?`,
    body: (m) => `${m.displayName} will be able to sign in again with their roles as they were.`,
    yes: 'Yes, reactivate it',
    no: 'No',
    done: (m) => `The account of ${m.displayName} is active again.`,
  },
};

function Members({
  odsCode,
  organisationName,
  user,
}: {
  odsCode: string;
  organisationName: string;
  user: SessionUser;
}): React.JSX.Element {
  const client = useQueryClient();
  const [filters, setFilters] = useState<MemberFilters>(NO_FILTERS);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const members = useMembers(odsCode, filters, cursor);
  const invitations = useInvitations(odsCode);
  const units = useUnitTree(odsCode);
  const [created, setCreated] = useState<NewInvitation | null>(null);
  const [action, setAction] = useState<{ member: Member; kind: MemberAction } | null>(null);
  const [withdrawing, setWithdrawing] = useState<Invitation | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const invitationsHeading = useRef<HTMLHeadingElement>(null);
  const refresh = (): Promise<void> => client.invalidateQueries({ queryKey: memberKeys.all(odsCode) });

  const change = useMutation({
    mutationFn: ({ member, kind }: { member: Member; kind: Exclude<MemberAction, 'role'> }) =>
      kind === 'remove'
        ? removeMember(odsCode, member.userId)
        : setActive(odsCode, member.userId, kind === 'reactivate'),
    onSuccess: async (_result, { member, kind }) => {
      setAction(null);
      // Said once the list shows it, so that what is announced and what is listed agree.
      await refresh();
      setDone(QUESTIONS[kind].done(member));
      listHeading.current?.focus();
    },
  });
  const withdraw = useMutation({
    mutationFn: (invitation: Invitation) => withdrawInvitation(odsCode, invitation.id),
    onSuccess: async (invitation) => {
      setWithdrawing(null);
      await refresh();
      setDone(`The invitation of ${invitation.email} has been withdrawn: its link no longer works.`);
      invitationsHeading.current?.focus();
    },
  });
  const tree = units.data?.items ?? [];

  const cancel = (member: Member, kind: MemberAction): void => {
    setAction(null);
    change.reset();
    refocus(actionButtonId(member, kind));
  };

  return (
    <>
      <p className="nhsuk-body-l">
        Who belongs to {organisationName}, and what each may do. Invite people, change their roles, and remove
        or deactivate those who have left.
      </p>
      <p>
        <Link to={`/organisations/${odsCode}/grants`}>Access for other organisations</Link>
      </p>
      {created !== null && <NewInvitationPanel key={created.id} invitation={created} />}
      <InviteForm
        odsCode={odsCode}
        units={tree}
        onInvited={(invitation) => {
          setDone(null);
          setCreated(invitation);
          void refresh();
        }}
      />

      <h2 id="members-heading" tabIndex={-1} ref={listHeading}>
        Members
      </h2>
      <p className="nhsuk-body-s gs-account-done" role="status">
        {done ?? ''}
      </p>
      <FilterForm
        onApply={(next) => {
          setFilters(next);
          setCursors([null]);
        }}
      />
      {action !== null && action.kind === 'role' && (
        <RoleChangeForm
          key={action.member.userId}
          odsCode={odsCode}
          member={action.member}
          units={tree}
          onChanged={(member) => {
            setAction(null);
            setDone(
              `${member.displayName} is now ${rolePhrase(member.role)}${member.unitName === null ? '' : ` of ${member.unitName}`}.`,
            );
            listHeading.current?.focus();
            void refresh();
          }}
          onCancel={() => {
            cancel(action.member, 'role');
          }}
        />
      )}
      {action !== null && action.kind !== 'role' && (
        <ConfirmChange
          id="member-confirm"
          title={QUESTIONS[action.kind].title(action.member)}
          yes={QUESTIONS[action.kind].yes}
          no={QUESTIONS[action.kind].no}
          pending={change.isPending}
          error={change.isError ? change.error : null}
          errorTitle="That could not be done"
          onConfirm={() => {
            if (action.kind !== 'role') change.mutate({ member: action.member, kind: action.kind });
          }}
          onCancel={() => {
            cancel(action.member, action.kind);
          }}
        >
          <p>{QUESTIONS[action.kind].body(action.member, organisationName)}</p>
        </ConfirmChange>
      )}
      <QueryState query={members} what="the members">
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p>No members match these filters.</p>
            ) : (
              <MemberTable
                members={page.items}
                selfId={user.id}
                onAction={(member, kind) => {
                  change.reset();
                  setDone(null);
                  setAction({ member, kind });
                }}
              />
            )}
            {(cursors.length > 1 || page.nextCursor !== null) && (
              <nav className="nhsuk-pagination" role="navigation" aria-label="Pages of members">
                <ul className="nhsuk-list nhsuk-pagination__list">
                  {cursors.length > 1 && (
                    <li className="nhsuk-pagination-item--previous">
                      <button
                        className="nhsuk-button nhsuk-button--secondary"
                        type="button"
                        onClick={() => {
                          setCursors(cursors.slice(0, -1));
                        }}
                      >
                        Previous page
                      </button>
                    </li>
                  )}
                  {page.nextCursor !== null && (
                    <li className="nhsuk-pagination-item--next">
                      <button
                        className="nhsuk-button nhsuk-button--secondary"
                        type="button"
                        onClick={() => {
                          setCursors([...cursors, page.nextCursor]);
                        }}
                      >
                        Next page
                      </button>
                    </li>
                  )}
                </ul>
              </nav>
            )}
          </>
        )}
      </QueryState>

      <h2 id="invitations-heading" tabIndex={-1} ref={invitationsHeading}>
        Pending invitations
      </h2>
      {withdrawing !== null && (
        <ConfirmChange
          id="invitation-confirm"
          title={`Withdraw the invitation of ${withdrawing.email}?`}
          yes="Yes, withdraw it"
          no="No, keep it"
          pending={withdraw.isPending}
          error={withdraw.isError ? withdraw.error : null}
          errorTitle="The invitation could not be withdrawn"
          onConfirm={() => {
            withdraw.mutate(withdrawing);
          }}
          onCancel={() => {
            const id = withdrawButtonId(withdrawing);
            setWithdrawing(null);
            withdraw.reset();
            refocus(id);
          }}
        >
          <p>The link you sent will stop working at once. You can invite them again later.</p>
        </ConfirmChange>
      )}
      <QueryState query={invitations} what="the pending invitations">
        {({ items }) =>
          items.length === 0 ? (
            <p>There are no pending invitations.</p>
          ) : (
            <InvitationTable
              invitations={items}
              onWithdraw={(invitation) => {
                withdraw.reset();
                setDone(null);
                setWithdrawing(invitation);
              }}
            />
          )
        }
      </QueryState>
    </>
  );
}

export default function MembersPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref);
  const name = organisation.data?.name;
  return (
    <>
      <PageTitle caption={name ?? `ODS code ${ref.toUpperCase()}`}>Members</PageTitle>
      <Permitted
        action="member.manage"
        organisation={{ id: ref, odsCode: ref }}
        to="manage its members"
        where={name === undefined ? undefined : `in ${name}`}
      >
        <QueryState query={organisation} what="the organisation">
          {(org) => <MembersOf org={org} />}
        </QueryState>
      </Permitted>
    </>
  );
}

function MembersOf({ org }: { org: { odsCode: string; name: string } }): React.JSX.Element | null {
  // Permitted shows this only to a signed-in person who may manage members.
  const user = useSession().data?.user ?? null;
  if (user === null) return null;
  return <Members odsCode={org.odsCode} organisationName={org.name} user={user} />;
}
