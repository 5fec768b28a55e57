import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/client';
import { App } from './components/App';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={createApi()} />
  </StrictMode>,
);
