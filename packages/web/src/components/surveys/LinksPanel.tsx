/**
 * @module components/surveys/LinksPanel
 * A survey's links, one per unit: the list (unit, made, revoked), making a new one (its address and
 * QR code are shown once: Groundswell keeps only a fingerprint of the secret), and revoking one.
 * Only those who manage surveys see the forms.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { UnitNode } from '../dashboard/units';
import { unitOptions } from '../dashboard/units';
import type { FieldProblem } from '../form';
import { byId, FormErrorSummary, problemsOf, SelectField } from '../form';
import type { NewSurveyLink, SurveyDetail } from './data';
import { makeLink, refreshSurveys, revokeLink } from './data';

const FIELDS = { unitId: { id: 'link-unit', label: 'Unit' } };

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** The new link, shown once: its address, a QR code to print, and a download of it. */
function NewLink({ link }: { link: NewSurveyLink }): React.JSX.Element {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, [link.id]);
  const address = `${window.location.origin}${link.path}`;
  const download = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`;
  return (
    <div className="nhsuk-card gs-survey-new-link" ref={panel} tabIndex={-1}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading">Link for {link.unit?.name ?? 'the unit'}</h3>
        <p className="nhsuk-card__description">
          Copy the address or print the QR code now: it is shown only this once. If it is lost, revoke it and
          make another.
        </p>
        <p className="gs-survey-address">
          <a href={link.path}>{address}</a>
        </p>
        {/* The server draws the QR code as an SVG with its own accessible name. */}
        <div className="gs-survey-qr" dangerouslySetInnerHTML={{ __html: link.qrSvg }} />
        <p>
          <a href={download} download={`survey-qr-${link.unit?.name ?? 'unit'}.svg`}>
            Download the QR code (SVG)
          </a>
        </p>
      </div>
    </div>
  );
}

export function LinksPanel({
  detail,
  units,
  manage,
}: {
  detail: SurveyDetail;
  units: readonly UnitNode[];
  manage: boolean;
}): React.JSX.Element {
  const client = useQueryClient();
  const [unitId, setUnitId] = useState('');
  const [made, setMade] = useState<NewSurveyLink | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const create = useMutation({
    mutationFn: () => makeLink(detail.id, unitId),
    onSuccess: (link) => {
      setMade(link);
      setProblems([]);
      void refreshSurveys(client);
    },
    onError: (error) => {
      setProblems(problemsOf(error, FIELDS, FIELDS.unitId.id));
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => revokeLink(detail.id, linkId),
    onSuccess: () => {
      void refreshSurveys(client);
    },
  });
  const errors = byId(problems);
  const live = detail.links.filter((l) => l.revokedAt === null);
  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading">Links and QR codes</h2>
      <p>
        Each link collects answers for one unit. Anyone with the link can answer without signing in, and
        nothing about who answered is kept.
      </p>
      {detail.links.length === 0 ? (
        <p>No links yet.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {detail.links.map((link) => (
            <li key={link.id}>
              <strong>{link.unit?.name ?? 'Organisation'}</strong>: made {formatDate(link.createdAt)}
              {link.revokedAt === null ? '' : `, revoked ${formatDate(link.revokedAt)}`}
              {manage && link.revokedAt === null && (
                <>
                  {' '}
                  <button
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small gs-survey-revoke"
                    type="button"
                    aria-label={`Revoke the link for ${link.unit?.name ?? 'the unit'}`}
                    disabled={revoke.isPending}
                    onClick={() => {
                      revoke.mutate(link.id);
                    }}
                  >
                    Revoke
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <form
          noValidate
          aria-label="Make a link"
          onSubmit={(event) => {
            event.preventDefault();
            if (create.isPending) return;
            if (unitId === '') {
              setProblems([{ id: FIELDS.unitId.id, message: 'Choose the unit the link is for' }]);
              return;
            }
            create.mutate();
          }}
        >
          <FormErrorSummary problems={problems} headingLevel={3} />
          <SelectField
            id={FIELDS.unitId.id}
            label={FIELDS.unitId.label}
            hint={`${String(live.length)} link${live.length === 1 ? '' : 's'} in use. A unit may have more than one (say, one per entrance).`}
            error={errors[FIELDS.unitId.id]}
            value={unitId}
            choices={[{ value: '', label: 'Choose a unit' }, ...unitOptions(units)]}
            onChange={setUnitId}
          />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            {create.isPending ? 'Making…' : 'Make a link'}
          </button>
        </form>
      )}
      {made !== null && <NewLink link={made} />}
    </section>
  );
}
