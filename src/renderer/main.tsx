/**
 * The entry. The report's text is already on screen (pre-rendered into
 * index.html); this starts the contract calls, then puts the interface around
 * the text when they answer.
 */
import { createApi } from './api/client';
import { loadStartupData } from './app/startup';
import { mount } from './mount';
import './app/styles.css';

const api = createApi();
mount(api, loadStartupData(api));
