/**
 * @module components/import/ProgressBar
 * A labelled progress bar with its progress in words beside it ("4,500 of 10,000 rows (45%)"),
 * so it is not carried by the bar alone. Without a total it is indeterminate ("1,200 rows so far").
 */
import { useId } from 'react';

export interface ProgressBarProps {
  /** What is in progress: "Uploading falls.csv", "Checking rows". */
  readonly label: string;
  readonly done: number;
  /** null or 0: not known. */
  readonly total: number | null;
  /** What is counted, plural ("rows"), or 'bytes' to show sizes. */
  readonly unit: string;
}

const number = (n: number): string => n.toLocaleString('en-GB');

/** A size in words: 512 bytes, 34 KB, 4.2 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The progress in words. */
export function progressText({ done, total, unit }: Omit<ProgressBarProps, 'label'>): string {
  const amount = (n: number): string => (unit === 'bytes' ? formatBytes(n) : number(n));
  if (total === null || total <= 0) return `${amount(done)}${unit === 'bytes' ? '' : ` ${unit}`} so far`;
  const shown = Math.min(done, total);
  const percent = Math.floor((shown / total) * 100);
  return `${amount(shown)} of ${amount(total)}${unit === 'bytes' ? '' : ` ${unit}`} (${percent}%)`;
}

export function ProgressBar(props: ProgressBarProps): React.JSX.Element {
  const id = useId();
  const known = props.total !== null && props.total > 0;
  const text = progressText(props);
  return (
    <div className="gs-progress">
      <p className="nhsuk-body nhsuk-u-margin-bottom-2" id={`${id}-label`}>
        <strong>{props.label}</strong>
      </p>
      <progress
        className="gs-progress__bar"
        aria-labelledby={`${id}-label`}
        aria-valuetext={text}
        max={known ? props.total : undefined}
        value={known ? Math.min(props.done, props.total) : undefined}
      />
      <p className="nhsuk-body-s gs-progress__text" role="status" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
