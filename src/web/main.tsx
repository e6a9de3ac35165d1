import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import './app/global.css';
import { initI18n } from './i18n/index.ts';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
// The remembered language's strings first (a chunk of its own unless Danish), then the app.
void initI18n().then(() => {
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
});
