// @vitest-environment jsdom
import {
  aSurvey,
  currentUrl,
  fakeApi,
  json,
  ORGANISATION,
  renderPage,
  sessionOf,
  SURVEY_ID,
  withoutLinks,
  withRole,
} from '../components/surveys/test-support';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StartSurveyInput } from '../components/surveys/data';
import SurveysPage from './SurveysPage';

const LIST = '/api/v1/organisations/RF4/surveys';

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf());
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORGANISATION);
  fakeApi.on('GET', LIST, () => {
    const survey = withoutLinks(aSurvey());
    return { items: [survey] };
  });
});
afterEach(cleanup);

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<SurveysPage />, '/organisations/RF4/surveys', '/organisations/:ref/surveys');

describe('SurveysPage', () => {
  it('lists the surveys, open or closed', async () => {
    render();
    const link = await screen.findByRole('link', { name: 'Staff: recommend as a place to work' });
    expect(link.getAttribute('href')).toBe(`/surveys/${SURVEY_ID}`);
    expect(screen.getByText('Open')).toBeTruthy();
  });

  it('starts a survey from a standard question and opens its page', async () => {
    fakeApi.on('POST', LIST, (request) => {
      const body = request.body as StartSurveyInput;
      const survey = withoutLinks(
        aSurvey({
          kind: body.kind,
          title: body.title,
          question: body.question,
        }),
      );
      return json(201, survey);
    });
    const view = render();
    fireEvent.change(await screen.findByLabelText('Question'), { target: { value: 'patient' } });
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Patients: Friends and Family Test');
    fireEvent.change(screen.getByLabelText('Smallest group shown'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start the survey' }));
    expect(await screen.findByRole('link', { name: 'Enter a whole number from 5 to 100' })).toBeTruthy();
    expect(fakeApi.calls('POST', LIST)).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Smallest group shown'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start the survey' }));
    await waitFor(() => {
      expect(currentUrl(view)).toBe(`/surveys/${SURVEY_ID}`);
    });
    expect(fakeApi.calls('POST', LIST)[0]!.body).toEqual({
      kind: 'patient',
      title: 'Patients: Friends and Family Test',
      question:
        'Would you recommend this service to friends and family if they needed similar care or treatment?',
      minGroup: 10,
    });
  });

  it('tells staff who may start a survey instead of showing the form', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
    render();
    expect(await screen.findByText(/QI lead or administrator/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start the survey' })).toBeNull();
  });
});
