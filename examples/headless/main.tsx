import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider } from 'latchkey';
import { App } from './App.js';
import './headless.css';

// No widgets and no latchkey styles: every element on the page is this app's own markup.
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AuthProvider baseUrl="/api/auth">
      <App />
    </AuthProvider>
  </StrictMode>,
);
