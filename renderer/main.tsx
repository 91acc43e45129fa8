// Entry point of the UI (the same bundle in the desktop app and in browser mode).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveEngineToken } from './api/token.ts';
import { App } from './app/App.tsx';
import { loadMonaco } from './features/editor/monaco/loadMonaco.ts';
import './styles/app.css';

const token = resolveEngineToken();
// The editor is the biggest part of the page: start loading it now, while the shell renders
// and the first engine calls are answered.
if (token !== undefined) void loadMonaco().catch(() => undefined);
const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App token={token} baseUrl={window.location.origin} />
    </StrictMode>,
  );
}
