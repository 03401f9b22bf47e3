/**
 * @module components/compare/FunnelOptions
 * What the funnel compares, kept in the page's address: the level (organisations as a whole, or
 * units of one name such as an A&E department type), the periods (the latest, or the latest 12
 * months), which organisations (all the reader may see, or those that granted the reader's
 * organisation access: a commissioner's providers), and whether the limits allow for
 * overdispersion.
 */
import type { Funnel } from './funnel-format';

export interface FunnelChoice {
  readonly unit: string | undefined;
  readonly window: Funnel['window'];
  readonly among: Funnel['among'];
  readonly overdispersion: boolean;
}

function levelName(level: string | null): string {
  return level ?? 'Organisation as a whole';
}

function Radios({
  legend,
  name,
  options,
  chosen,
}: {
  legend: string;
  name: string;
  options: readonly { value: string; label: string }[];
  chosen: string;
}): React.JSX.Element {
  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <div className="nhsuk-radios nhsuk-radios--small">
          {options.map((option, i) => (
            <div className="nhsuk-radios__item" key={option.value}>
              <input
                className="nhsuk-radios__input"
                id={`funnel-${name}-${i}`}
                name={name}
                type="radio"
                value={option.value}
                defaultChecked={option.value === chosen}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`funnel-${name}-${i}`}>
                {option.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function FunnelOptions({
  funnel,
  choice,
  signedIn,
  onChoose,
}: {
  funnel: Funnel;
  choice: FunnelChoice;
  signedIn: boolean;
  onChoose: (choice: FunnelChoice) => void;
}): React.JSX.Element {
  return (
    <form
      className="gs-funnel-options"
      aria-label="Choose what to compare"
      key={JSON.stringify(choice)}
      onSubmit={(event) => {
        event.preventDefault();
        const values = new FormData(event.currentTarget);
        const level = values.get('level');
        onChoose({
          unit: typeof level === 'string' ? (level === '' ? undefined : level) : choice.unit,
          window: values.get('window') === '12-months' ? '12-months' : 'latest',
          among: values.get('among') === 'granted' ? 'granted' : 'all',
          overdispersion: values.get('overdispersion') === 'on',
        });
      }}
    >
      {funnel.levels.length > 1 && (
        <Radios
          legend="Compare"
          name="level"
          chosen={funnel.unit ?? ''}
          options={funnel.levels.map((l) => ({
            value: l.unit ?? '',
            label: `${levelName(l.unit)} (${l.organisations.toLocaleString('en-GB')} organisation${l.organisations === 1 ? '' : 's'})`,
          }))}
        />
      )}
      <Radios
        legend="Periods"
        name="window"
        chosen={choice.window}
        options={[
          { value: 'latest', label: 'The latest period' },
          { value: '12-months', label: 'The latest 12 months, added together' },
        ]}
      />
      {signedIn && (
        <Radios
          legend="Organisations"
          name="among"
          chosen={choice.among}
          options={[
            { value: 'all', label: 'Every organisation whose data I may see' },
            {
              value: 'granted',
              label: 'Only those that have granted my organisation access (a commissioner’s providers)',
            },
          ]}
        />
      )}
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id="funnel-overdispersion"
              name="overdispersion"
              type="checkbox"
              defaultChecked={choice.overdispersion}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="funnel-overdispersion">
              Widen the limits when organisations differ more than chance explains (overdispersion)
            </label>
          </div>
        </div>
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show the funnel plot
      </button>
    </form>
  );
}
