// simwatch's browser enhancements. Every page works without this script: it only improves what
// is already there. Loaded as a module from this site (the Content Security Policy allows no
// inline script).
import { initAll } from '/assets/nhsuk/nhsuk-frontend.min.js';

document.documentElement.classList.remove('no-js');
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();

// Enhancements for particular pages, each loaded only where its element is present.
const enhancements = [
  ['[data-simwatch-upload]', './upload.js'],
  ['[data-simwatch-progress]', './progress.js'],
  ['[data-simwatch-triage]', './triage.js'],
];
for (const [selector, module] of enhancements) {
  const element = document.querySelector(selector);
  if (element) {
    const { enhance } = await import(module);
    enhance(element);
  }
}
