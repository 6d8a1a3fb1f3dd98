import './lib/warm-up-intl';
import '@kern-ux/native/dist/kern.min.css';
import './fonts.css';
import './app.css';
import { startApp } from './start-app';

void startApp();
