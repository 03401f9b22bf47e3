// @vitest-environment jsdom
import { apiError, fakeApi, json, renderPage, SIGNED_OUT, TOKEN } from '../components/surveys/test-support';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SurveyResponsePage from './SurveyResponsePage';

const LINK = `/api/v1/survey-links/${TOKEN}`;

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
  fakeApi.on('GET', LINK, () => ({
    organisation: 'Barking, Havering and Redbridge',
    unit: 'Ward 10',
    kind: 'patient',
    title: 'Patients: Friends and Family Test',
    question: 'Would you recommend this service to friends and family?',
  }));
  fakeApi.on('POST', `${LINK}/responses`, () => json(201, { recorded: true }));
});
afterEach(cleanup);

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<SurveyResponsePage />, `/s/${TOKEN}`, '/s/:token');

describe('SurveyResponsePage', () => {
  it('asks the question with no sign-in, needs an answer, and thanks the person', async () => {
    render();
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Would you recommend this service to friends and family?',
      }),
    ).toBeTruthy();
    expect(screen.getByText('Ward 10, Barking, Havering and Redbridge')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send my answer' }));
    expect(await screen.findByRole('link', { name: 'Choose yes, no or don’t know' })).toBeTruthy();
    expect(fakeApi.calls('POST', `${LINK}/responses`)).toHaveLength(0);
    fireEvent.click(screen.getByLabelText('Don’t know'));
    fireEvent.change(screen.getByLabelText('Anything you would like to add (optional)'), {
      target: { value: '  Kind staff  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send my answer' }));
    expect(await screen.findByRole('heading', { name: 'Thank you' })).toBeTruthy();
    expect(fakeApi.calls('POST', `${LINK}/responses`)[0]!.body).toEqual({
      answer: 'dont_know',
      comment: 'Kind staff',
    });
  });

  it('says plainly when a link is no longer in use', async () => {
    fakeApi.on('GET', LINK, () => apiError(404, 'not_found', 'This survey link is not in use.'));
    render();
    expect(await screen.findByRole('heading', { name: 'This survey link is not in use' })).toBeTruthy();
  });
});
