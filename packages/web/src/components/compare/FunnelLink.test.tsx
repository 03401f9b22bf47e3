// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { FunnelLink, funnelPath, hasFunnel } from './FunnelLink';

const ID = '40000000-0000-4000-8000-000000000004';

afterEach(cleanup);

describe('FunnelLink', () => {
  it('links a shared proportion or rate measure to its funnel plot at the level given', () => {
    render(
      <MemoryRouter>
        <FunnelLink
          measure={{ id: ID, ownerOrganisationId: null, dataType: 'proportion' }}
          unit="Type 1 A&E"
        />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: /funnel plot/ }).getAttribute('href')).toBe(
      `/measures/${ID}/funnel?unit=Type%201%20A%26E`,
    );
    expect(funnelPath(ID, null)).toBe(`/measures/${ID}/funnel`);
  });

  it('shows nothing for an organisation’s own measure, or one with no denominator', () => {
    expect(hasFunnel({ id: ID, ownerOrganisationId: null, dataType: 'rate' })).toBe(true);
    expect(hasFunnel({ id: ID, ownerOrganisationId: ID, dataType: 'proportion' })).toBe(false);
    expect(hasFunnel({ id: ID, ownerOrganisationId: null, dataType: 'count' })).toBe(false);
    const { container } = render(
      <MemoryRouter>
        <FunnelLink measure={{ id: ID, ownerOrganisationId: null, dataType: 'value' }} />
      </MemoryRouter>,
    );
    expect(container.textContent).toBe('');
  });
});
