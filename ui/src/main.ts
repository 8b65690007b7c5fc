import './styles/tokens.css';
import './styles/base.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { applyTheme, readThemeHint } from './lib/theme';

// Pin last session's theme before the first paint; the saved preference is
// confirmed from the settings store once the app is up.
applyTheme(readThemeHint());

const target = document.getElementById('app');
if (!target) throw new Error('Clio: #app is missing from index.html');

const app = mount(App, { target });

export default app;
