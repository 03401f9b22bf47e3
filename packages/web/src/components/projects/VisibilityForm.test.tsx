// @vitest-environment jsdom
import { aProject, fakeApi, PROJECT_ID, renderPage, SIGNED_IN } from './test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VisibilityForm } from './VisibilityForm';

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
  fakeApi.on('PATCH', `/api/v1/projects/${PROJECT_ID}`, (request) => ({
    ...aProject(),
    ...(request.body as object),
  }));
});
afterEach(cleanup);

describe('VisibilityForm', () => {
  it('shows who may see the project now and changes it', async () => {
    renderPage(<VisibilityForm project={aProject()} />, '/p', '/p');
    const form = screen.getByRole('form', { name: 'Who may see the project' });
    expect(form.textContent).toContain('Now: internal.');
    expect(within(form).getByLabelText<HTMLInputElement>('Internal').checked).toBe(true);
    fireEvent.click(within(form).getByLabelText('Public'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save who may see it' }));
    await waitFor(() => {
      expect(fakeApi.calls('PATCH', `/api/v1/projects/${PROJECT_ID}`)).toHaveLength(1);
    });
    expect(fakeApi.calls('PATCH', `/api/v1/projects/${PROJECT_ID}`)[0]!.body).toEqual({
      visibility: 'public',
    });
    expect(await screen.findByText('The project is now public.')).toBeTruthy();
  });

  it('says a published project is read by everyone whatever it says', () => {
    renderPage(
      <VisibilityForm
        project={aProject({ publishedAt: '2026-06-01T00:00:00.000Z', visibility: 'private' })}
      />,
      '/p',
      '/p',
    );
    expect(screen.getByText(/published in the library, so everyone may read it/)).toBeTruthy();
  });
});
