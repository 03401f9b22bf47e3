// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Checkbox } from './Checkbox';

afterEach(cleanup);

describe('Checkbox', () => {
  it('labels the checkbox and describes it by its hint', () => {
    const { container } = render(
      <Checkbox id="opt" label="Send emails" hint="Untick to stop" checked onChange={() => undefined} />,
    );
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Send emails' });
    expect(box.checked).toBe(true);
    expect(box.getAttribute('aria-describedby')).toBe('opt-hint');
    expect(container.querySelector('#opt-hint')?.textContent).toBe('Untick to stop');
    expect(
      container.querySelector('.nhsuk-form-group > .nhsuk-checkboxes > .nhsuk-checkboxes__item'),
    ).toBeTruthy();
    expect(container.querySelector('.nhsuk-checkboxes--small')).toBeNull();
  });

  it('has no hint or aria-describedby without a hint, and may be small, named and disabled', () => {
    const { container } = render(
      <Checkbox
        id="opt"
        name="opt-name"
        label="Remove"
        size="small"
        disabled
        checked={false}
        onChange={() => undefined}
      />,
    );
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Remove' });
    expect(box.hasAttribute('aria-describedby')).toBe(false);
    expect(box.name).toBe('opt-name');
    expect(box.disabled).toBe(true);
    expect(container.querySelector('.nhsuk-hint')).toBeNull();
    expect(container.querySelector('.nhsuk-checkboxes.nhsuk-checkboxes--small')).toBeTruthy();
  });

  it('says whether it is now ticked', () => {
    const onChange = vi.fn();
    render(<Checkbox id="opt" label="Remove" checked={false} onChange={onChange} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Remove' }));
    expect(onChange).toHaveBeenCalledWith(true);
  });
});
