// Shared set-up for every test file (jsdom).

import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach } from 'vitest';
import { resetSettingsStore } from '../lib/settingsStore';
import { resetStartupForTests } from '../lib/startup';

// jsdom has no <dialog> behaviour: a minimal stand-in for showModal()/close().
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    if (this.open) throw new DOMException('Dialog already open', 'InvalidStateError');
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.show = function show(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, value?: string) {
    if (!this.open) return;
    this.removeAttribute('open');
    if (value !== undefined) this.returnValue = value;
    this.dispatchEvent(new Event('close'));
  };
}

afterEach(async () => {
  // Let work started after app_ready (event listeners, the starter library)
  // settle before the mocks go away.
  await new Promise((resolve) => setTimeout(resolve, 5));
  // Unmount while the mocks are still there (components stop their listeners).
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 0));
  clearMocks();
  resetSettingsStore();
  resetStartupForTests();
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});
