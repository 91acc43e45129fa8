// Entry point of the UI (the same bundle in the desktop app and in browser mode).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveEngineToken } from './api/token.ts';
import { App } from './app/App.tsx';
import './styles/app.css';

const token = resolveEngineToken();
const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App token={token} baseUrl={window.location.origin} />
    </StrictMode>,
  );
}
