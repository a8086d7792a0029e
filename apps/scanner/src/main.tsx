import '@tessera/ui/src/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { registerServiceWorker } from './lib/service-worker.js';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Builds only (vite preview, or dist/ served by the API at /scanner/): in development the worker's
// saved files would hide changes.
if (import.meta.env.PROD) registerServiceWorker();
