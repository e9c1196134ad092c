import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app/app-root';
import { languageReady } from './lib/i18n';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
const root = createRoot(container);
void languageReady.then(() =>
  root.render(
    <StrictMode>
      <AppRoot />
    </StrictMode>,
  ),
);
