import './style.css';
import { currentSession } from './api.js';
import { header } from './page.js';

header(await currentSession());
