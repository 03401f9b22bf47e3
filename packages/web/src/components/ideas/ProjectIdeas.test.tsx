// @vitest-environment jsdom
import { anIdea, apiError, fakeApi, PROJECT_ID, renderPage, SIGNED_IN } from './test-support';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectIdeas } from './ProjectIdeas';

const IDEAS = `/api/v1/projects/${PROJECT_ID}/ideas`;

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
});
afterEach(cleanup);

const render = (): ReturnType<typeof renderPage> =>
  renderPage(
    <>
      <h1>Project</h1>
      <ProjectIdeas projectId={PROJECT_ID} />
    </>,
    `/projects/${PROJECT_ID}`,
    '/projects/:id',
  );

describe('ProjectIdeas', () => {
  it('links a project back to the idea it came from', async () => {
    const idea = anIdea({ status: 'taken_forward', statusReason: 'Yes', projectId: PROJECT_ID });
    fakeApi.on('GET', IDEAS, () => ({ items: [idea] }));
    render();
    const region = await screen.findByRole('region', { name: 'The idea it came from' });
    expect(region.textContent).toContain('(Demo ward nurse (staff))');
    expect(screen.getByRole('link', { name: idea.proposal }).getAttribute('href')).toBe(`/ideas/${idea.id}`);
  });

  it('shows nothing when the project came from no idea the reader may read', async () => {
    fakeApi.on('GET', IDEAS, () => ({ items: [] }));
    render();
    await screen.findByRole('heading', { name: 'Project' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fakeApi.calls('GET', IDEAS)).toHaveLength(1);
    expect(screen.queryByRole('region')).toBeNull();
    cleanup();
    fakeApi.on('GET', IDEAS, () => apiError(404, 'not_found', 'no project has this id'));
    render();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
