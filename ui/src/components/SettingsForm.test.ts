import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import SettingsForm from './SettingsForm.svelte';

const fields = createRawSnippet(() => ({ render: () => '<label>Days <input data-testid="days" /></label>' }));
const testids = { errorTestId: 'form-error', saveTestId: 'form-save', savedTestId: 'form-saved' };

describe('the settings form', () => {
  it('saves on submit and says so; a second save hides "Saved" until it is done', async () => {
    const user = userEvent.setup();
    let finish = () => {};
    const onsave = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(SettingsForm, { onsave, children: fields, ...testids });
    expect(screen.getByTestId('days')).toBeInTheDocument();

    await user.click(screen.getByTestId('form-save'));
    expect(screen.getByTestId('form-save')).toBeDisabled();
    await user.click(screen.getByTestId('form-save'));
    expect(onsave).toHaveBeenCalledTimes(1);
    finish();
    expect(await screen.findByTestId('form-saved')).toHaveTextContent('Saved');
    expect(screen.getByTestId('form-save')).toBeEnabled();

    await user.click(screen.getByTestId('form-save'));
    expect(screen.queryByTestId('form-saved')).toBeNull();
    finish();
    expect(await screen.findByTestId('form-saved')).toBeInTheDocument();
    expect(onsave).toHaveBeenCalledTimes(2);
  });

  it('shows a problem found before saving, then the core’s error, and clears it once saved', async () => {
    const user = userEvent.setup();
    const outcomes: (() => Promise<string | void>)[] = [
      async () => 'Write steps as times.',
      async () => {
        throw { kind: 'invalid', message: 'Keep between 2 and 365 days.' };
      },
      async () => {},
    ];
    render(SettingsForm, { onsave: () => outcomes.shift()!(), children: fields, ...testids });

    await user.click(screen.getByTestId('form-save'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('Write steps as times.');
    expect(screen.getByRole('alert')).toBe(screen.getByTestId('form-error'));
    expect(screen.queryByTestId('form-saved')).toBeNull();

    await user.click(screen.getByTestId('form-save'));
    await waitFor(() => expect(screen.getByTestId('form-error')).toHaveTextContent('Keep between 2 and 365 days.'));

    await user.click(screen.getByTestId('form-save'));
    expect(await screen.findByTestId('form-saved')).toBeInTheDocument();
    expect(screen.queryByTestId('form-error')).toBeNull();
  });

  it('inline, has no form or button of its own: the dialog around it calls save()', async () => {
    const onsave = vi.fn(async () => {
      throw { kind: 'io', message: 'The folder is read-only.' };
    });
    const { component, container } = render(SettingsForm, { onsave, children: fields, inline: true, ...testids });
    expect(container.querySelector('form')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    await component.save();
    expect(onsave).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('form-error')).toHaveTextContent('The folder is read-only.');
  });
});
