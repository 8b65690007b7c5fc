import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import BackupSettings from './BackupSettings.svelte';
import { fakeBackend, fakeBackup } from '../test/backend';

const MARCH_9 = Date.UTC(2026, 2, 9, 18);

describe('backup settings', () => {
  it('lists the backups with their health; only good ones can be restored', async () => {
    fakeBackend({
      backups: [fakeBackup(MARCH_9), fakeBackup(MARCH_9 - 86_400_000, { good: false, problem: 'the file is empty' })],
    });
    render(BackupSettings, { onrestored: vi.fn() });
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Good');
    expect(rows[0]).toHaveTextContent('246 KB');
    expect(rows[1]).toHaveTextContent('Damaged');
    expect(within(rows[0]!).getByTestId('backup-restore')).toBeEnabled();
    expect(within(rows[1]!).getByTestId('backup-restore')).toBeDisabled();
    expect(screen.getByTestId('backup-settings')).toHaveTextContent('/data/backups');
  });

  it('says so when the last automatic backup failed', async () => {
    fakeBackend({ automaticBackup: { at: MARCH_9, backup: null, error: 'the disk holding /data is full' } });
    render(BackupSettings, { onrestored: vi.fn() });
    expect(await screen.findByTestId('backup-automatic-error')).toHaveTextContent('failed: the disk holding /data is full');
  });

  it('backs up now and shows the new backup first', async () => {
    const backend = fakeBackend();
    const user = userEvent.setup();
    render(BackupSettings, { onrestored: vi.fn() });
    expect(await screen.findByTestId('backup-empty')).toHaveTextContent('No backups yet');
    await user.click(screen.getByTestId('backup-now'));
    expect(await screen.findByTestId('backup-status')).toHaveTextContent('Backed up (246 KB).');
    expect(await screen.findAllByTestId('backup-row')).toHaveLength(1);
    expect(backend.callsTo('back_up_now')).toHaveLength(1);
  });

  it('restores only after the learner confirms, then tells the app and names the safety backup', async () => {
    const backend = fakeBackend({ backups: [fakeBackup(MARCH_9)] });
    const onrestored = vi.fn(async () => {});
    const user = userEvent.setup();
    render(BackupSettings, { onrestored });
    await user.click(await screen.findByTestId('backup-restore'));
    expect(backend.callsTo('restore_backup')).toHaveLength(0);
    await user.click(await screen.findByTestId('backup-restore-confirm'));
    await waitFor(() => expect(onrestored).toHaveBeenCalledOnce());
    expect(backend.callsTo('restore_backup')[0]!.args).toMatchObject({ path: fakeBackup(MARCH_9).path });
    expect(await screen.findByTestId('backup-status')).toHaveTextContent(/Restored the backup from .*kept as the backup from/);
    expect(await screen.findAllByTestId('backup-row')).toHaveLength(2);
  });

  it('saves how often and how long, and shows the core’s range message', async () => {
    const backend = fakeBackend();
    const user = userEvent.setup();
    render(BackupSettings, { onrestored: vi.fn() });
    const interval = await screen.findByTestId('pref-backup-interval');
    expect(interval).toHaveValue(30);
    await user.clear(interval);
    await user.type(interval, '2');
    await user.click(screen.getByTestId('backup-pref-save'));
    expect(await screen.findByTestId('backup-pref-error')).toHaveTextContent('between 5 and 1440 minutes');
    await user.clear(interval);
    await user.type(interval, '15');
    await user.clear(screen.getByTestId('pref-backup-daily'));
    await user.type(screen.getByTestId('pref-backup-daily'), '10');
    await user.click(screen.getByTestId('backup-pref-save'));
    await waitFor(() => expect(backend.preferences).toMatchObject({ backupIntervalMinutes: 15, dailyBackupDays: 10 }));
    // the other preferences are left as they were
    expect(backend.preferences.desiredRetention).toBe(0.9);
  });
});
