// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmCallout, useConfirmStep } from './ConfirmCallout';

afterEach(cleanup);

function Ask({ pending = false, error = null }: { pending?: boolean; error?: unknown }): React.JSX.Element {
  const { asking, ask, close, cancel, start } = useConfirmStep();
  return asking ? (
    <ConfirmCallout
      headingId="thing-heading"
      title="Remove the thing?"
      yes="Yes, remove it"
      pendingYes="Removing…"
      no="No, keep it"
      pending={pending}
      error={error}
      errorTitle="The thing was not removed"
      onConfirm={close}
      onCancel={cancel}
    >
      <p>It cannot be undone.</p>
    </ConfirmCallout>
  ) : (
    <button type="button" ref={start} onClick={ask}>
      Remove the thing
    </button>
  );
}

describe('ConfirmCallout', () => {
  it('asks in a warning callout labelled and focused by its heading, and goes on "Yes"', () => {
    const { container } = render(<Ask />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the thing' }));
    const heading = screen.getByRole('heading', { name: /Remove the thing\?/ });
    expect(heading.id).toBe('thing-heading');
    expect(heading.textContent).toBe('Important: Remove the thing?');
    const callout = heading.closest('section');
    expect(callout?.className).toBe('nhsuk-warning-callout');
    expect(callout?.getAttribute('aria-labelledby')).toBe('thing-heading');
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('It cannot be undone.')).toBeTruthy();
    expect(container.querySelector('.nhsuk-error-summary')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove it' }));
    expect(container.querySelector('section')).toBeNull();
  });

  it('hands focus back to the start button on "No"', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame'] });
    try {
      render(<Ask />);
      fireEvent.click(screen.getByRole('button', { name: 'Remove the thing' }));
      fireEvent.click(screen.getByRole('button', { name: 'No, keep it' }));
      act(() => {
        vi.runAllTimers();
      });
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove the thing' }));
    } finally {
      vi.useRealTimers();
    }
  });

  it('says it is working, does not ask twice, and shows the error', () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmCallout
        headingId="x-heading"
        className="gs-extra"
        title="Go?"
        yes="Yes, go"
        no="No"
        pending
        error={new Error('It broke')}
        errorTitle="It did not go"
        onConfirm={onConfirm}
        onCancel={() => undefined}
      >
        <p>Going.</p>
      </ConfirmCallout>,
    );
    expect(screen.getByRole('heading', { name: /Go\?/ }).closest('section')?.className).toBe(
      'nhsuk-warning-callout gs-extra',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Working…' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByText('It did not go')).toBeTruthy();
  });
});
