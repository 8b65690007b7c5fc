import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import StudySettings from './StudySettings.svelte';
import { fakeBackend } from '../test/backend';

describe('reviews and cards settings', () => {
  it('shows the stored preferences and saves changed ones', async () => {
    const backend = fakeBackend();
    const user = userEvent.setup();
    render(StudySettings);
    const retention = await screen.findByTestId('pref-retention');
    expect(retention).toHaveValue(90);
    expect(screen.getByTestId('pref-learning-steps')).toHaveValue('1m 10m');

    await user.clear(retention);
    await user.type(retention, '85');
    await user.clear(screen.getByTestId('pref-learning-steps'));
    await user.type(screen.getByTestId('pref-learning-steps'), '1m 10m 1h');
    await user.click(screen.getByTestId('pref-cloze'));
    expect(screen.getByTestId('pref-leech-threshold')).toHaveValue(8);
    await user.clear(screen.getByTestId('pref-leech-threshold'));
    await user.type(screen.getByTestId('pref-leech-threshold'), '6');
    await user.click(screen.getByTestId('pref-leech-suspend'));
    await user.click(screen.getByTestId('pref-save'));
    expect(await screen.findByTestId('pref-saved')).toHaveTextContent('Saved');
    expect(backend.preferences).toMatchObject({
      desiredRetention: 0.85,
      learningSteps: [1, 10, 60],
      clozeCards: false,
      leechThreshold: 6,
      leechSuspend: true,
    });
  });

  it('shows the core’s range message and a message for steps it cannot read', async () => {
    const backend = fakeBackend();
    const user = userEvent.setup();
    render(StudySettings);
    const retention = await screen.findByTestId('pref-retention');
    await user.clear(retention);
    await user.type(retention, '100');
    await user.click(screen.getByTestId('pref-save'));
    expect(await screen.findByTestId('pref-error')).toHaveTextContent('between 0.70 and 0.99');

    await user.clear(retention);
    await user.type(retention, '90');
    await user.clear(screen.getByTestId('pref-learning-steps'));
    await user.type(screen.getByTestId('pref-learning-steps'), 'soon');
    await user.click(screen.getByTestId('pref-save'));
    await waitFor(() => expect(screen.getByTestId('pref-error')).toHaveTextContent('Write steps as times'));
    expect(backend.callsTo('set_preferences')).toHaveLength(1);
  });
});
