// @vitest-environment jsdom
import {
  aProject,
  currentUrl,
  fakeApi,
  json,
  renderPage,
  sessionOf,
  WARD_ID,
  withRole,
} from '../components/projects/test-support';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import NewProjectPage from './NewProjectPage';

const ORG = {
  id: '00000000-0000-4000-8000-0000000000f4',
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider',
  createdAt: '2026-01-01T00:00:00.000Z',
};

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORG);
  fakeApi.on('GET', '/api/v1/organisations/RF4/units', () => ({
    items: [
      {
        id: WARD_ID,
        organisationId: ORG.id,
        parentId: null,
        kind: 'ward',
        name: 'Ward 10',
        createdAt: ORG.createdAt,
        children: [],
      },
    ],
  }));
  fakeApi.on('POST', '/api/v1/organisations/RF4/projects', () => json(201, aProject()));
});
afterEach(cleanup);

describe('NewProjectPage', () => {
  it('needs a title, then starts the project with its aim in three parts and opens it', async () => {
    const view = renderPage(
      <NewProjectPage />,
      '/organisations/RF4/projects/new',
      '/organisations/:ref/projects/new',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Start the project' }));
    const problem = await screen.findByRole('link', { name: 'Enter a title for the project' });
    expect(problem.getAttribute('href')).toBe('#project-title');
    expect(fakeApi.calls('POST', '/api/v1/organisations/RF4/projects')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Fewer falls at night' } });
    await screen.findByRole('option', { name: 'Ward 10' });
    fireEvent.change(screen.getByLabelText('Unit'), { target: { value: WARD_ID } });
    fireEvent.change(screen.getByLabelText('What will improve'), {
      target: { value: 'Reduce falls at night' },
    });
    fireEvent.change(screen.getByLabelText('By how much'), { target: { value: 'by 30%' } });
    fireEvent.change(screen.getByLabelText('By when'), { target: { value: '2027-03-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start the project' }));
    await waitFor(() => {
      expect(currentUrl(view)).toBe(`/projects/${aProject().id}`);
    });
    expect(fakeApi.calls('POST', '/api/v1/organisations/RF4/projects')[0]!.body).toEqual({
      title: 'Fewer falls at night',
      unitId: WARD_ID,
      aimWhat: 'Reduce falls at night',
      aimHowMuch: 'by 30%',
      aimByWhen: '2027-03-31',
    });
  });
});
