import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadScreens } from './app/screen-pages';
import './styles/app.css';

// User Timing marks (DevTools' Performance panel, the page probe): the app's code runs from here.
performance.mark('berth:app-start');
preloadScreens();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
