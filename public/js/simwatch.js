// simwatch's browser enhancements. Every page works without this script: it only improves what
// is already there. Loaded as a module from this site (the Content Security Policy allows no
// inline script).
import { initAll } from '/assets/nhsuk/nhsuk-frontend.min.js';

document.documentElement.classList.remove('no-js');
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();

// nhsuk-frontend marks radios and checkboxes that reveal more questions with aria-expanded, which
// ARIA does not allow on them (GOV.UK Frontend dropped it for this reason). aria-controls stays.
const dropAriaExpanded = () => {
  for (const input of document.querySelectorAll(
    'input:is([type="radio"], [type="checkbox"])[aria-controls][aria-expanded]',
  ))
    input.removeAttribute('aria-expanded');
};
dropAriaExpanded();
document.addEventListener('change', dropAriaExpanded);
window.addEventListener('pageshow', dropAriaExpanded);

// Enhancements for particular pages, each loaded only where its element is present.
const enhancements = [
  ['[data-simwatch-upload]', './upload.js'],
  ['[data-simwatch-progress]', './progress.js'],
  ['[data-simwatch-triage]', './triage.js'],
  ['[data-simwatch-picker]', './organisation-picker.js'],
  ['[data-simwatch-consent-signing]', './consent-signing.js'],
];
for (const [selector, module] of enhancements) {
  const element = document.querySelector(selector);
  if (element) {
    const { enhance } = await import(module);
    enhance(element);
  }
}
