import './lib/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { captureTokenFromUrl } from './lib/device-token';
import './styles.css';

// Before the first render, so the app never sees (or re-renders with) the token in the address.
captureTokenFromUrl();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
