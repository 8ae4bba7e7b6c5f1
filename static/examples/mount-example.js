// Mounts two advisors into this page (the copy-paste snippet of the README).
import { mount } from '../icp-advisor.js';

await mount(document.getElementById('advisor-need'), { flow: 'need' });
await mount(document.getElementById('advisor-code'), { flow: 'service-code', lang: 'en' });
document.documentElement.dataset.advisorsMounted = 'true';
