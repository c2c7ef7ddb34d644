// Triage keyboard shortcuts: c confirms, r goes to the reason box (to reject), j and k move to the
// next and previous finding, ? shows or hides the list. They never fire while typing in a field,
// and every action is also a link or button that works with Tab and Enter without this script.

/** Enhances a triage page (`[data-simwatch-triage]`): the queue or one finding. */
export function enhance(root) {
  const help = root.querySelector('[data-triage-help]');
  const helpList = root.querySelector('[data-triage-help-list]');
  if (help) help.hidden = false;

  const actions = {
    c: () => click(root.querySelector('[data-triage-confirm]')),
    r: () => focus(root.querySelector('[data-triage-reason]')),
    j: () => move(root, 1),
    k: () => move(root, -1),
    '?': () => {
      if (!helpList) return false;
      helpList.hidden = !helpList.hidden;
      return true;
    },
  };

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const action = actions[event.key];
    // The key is kept from the page only when it did something (so "r" types no "r").
    if (action && action()) event.preventDefault();
  });
}

function isTyping(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target.getAttribute('type') ?? 'text').toLowerCase();
  return !['button', 'submit', 'reset', 'checkbox', 'radio', 'file'].includes(type);
}

function click(element) {
  if (!(element instanceof HTMLElement)) return false;
  element.click();
  return true;
}

function focus(element) {
  if (!(element instanceof HTMLElement)) return false;
  element.focus();
  return true;
}

/** In the queue, moves focus between findings; on a finding's page, goes to the next or previous. */
function move(root, step) {
  const links = [...root.querySelectorAll('[data-triage-link]')];
  if (links.length > 0) {
    const current = links.findIndex((link) =>
      link.closest('[data-triage-item]')?.contains(document.activeElement),
    );
    const next = current === -1 ? (step > 0 ? 0 : links.length - 1) : current + step;
    return focus(links[Math.max(0, Math.min(links.length - 1, next))]);
  }
  const link = root.querySelector(step > 0 ? '[data-triage-next]' : '[data-triage-previous]');
  if (!link) return false;
  window.location.assign(link.href);
  return true;
}
