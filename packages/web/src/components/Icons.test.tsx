// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AssuranceIcon, iconWords, VariationIcon } from './Icons';

describe('icons', () => {
  it('draws the variation icon as SVG titled with its meaning', () => {
    const { container } = render(<VariationIcon icon="improvement_high" />);
    const title = container.querySelector('svg title')?.textContent ?? '';
    expect(title.toLowerCase()).toContain('improvement');
  });

  it('says "No target" when there is no assurance icon', () => {
    const { getByText } = render(<AssuranceIcon icon={null} />);
    expect(getByText('No target')).toBeTruthy();
  });

  it('puts both icons into words', () => {
    expect(iconWords('common_cause', null)).toMatch(/no target$/);
  });
});
