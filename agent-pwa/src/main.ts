/** The agent app's entry: registers the elements, and in a production build the service worker (offline start, updates). */
import { applyDesignTokens } from './design-tokens.js';
import './define.js';
import { appWorker } from './pwa/app-worker.js';

applyDesignTokens();
if (import.meta.env?.PROD) appWorker.register();
