// Organisation picker: turns the select of every organisation (`[data-simwatch-picker]`) into a
// combobox (the WAI-ARIA 1.2 pattern with a listbox popup) that filters by any part of a name, a
// former name or a code. The chosen organisations show as buttons that remove them. The select
// stays in the form, hidden, and is what the form sends: this script only chooses its options.

/** Enhances every organisation picker on the page. */
export function enhance() {
  for (const select of document.querySelectorAll('select[data-simwatch-picker]'))
    if (select.tagName === 'SELECT') enhanceSelect(select);
}

function enhanceSelect(select) {
  const id = select.id;
  const multiple = select.multiple;
  const label = document.querySelector(`label[for="${id}"]`);
  const options = [...select.options].filter((option) => option.value !== '');
  const entries = options.map((option, index) => ({
    option,
    id: `${id}-option-${index}`,
    name: option.textContent ?? '',
    group: option.parentElement?.tagName === 'OPTGROUP' ? option.parentElement.label : '',
    search: normalise(`${option.textContent ?? ''} ${option.dataset.search ?? ''}`),
  }));

  // The text input takes over the select's id, so the label and the error summary reach it.
  select.id = `${id}-select`;
  select.hidden = true;
  select.tabIndex = -1;
  const plainHint = select.parentElement?.querySelector('[data-picker-plain-hint]');
  if (plainHint) plainHint.hidden = true;

  const wrapper = document.createElement('div');
  wrapper.className = 'simwatch-picker-box';

  const chosenHeading = document.createElement('p');
  chosenHeading.className = 'nhsuk-body-s nhsuk-u-margin-bottom-1';
  chosenHeading.id = `${id}-chosen-heading`;
  const chosenList = document.createElement('ul');
  chosenList.className = 'simwatch-picker-chosen';
  chosenList.setAttribute('aria-labelledby', chosenHeading.id);

  const input = document.createElement('input');
  input.type = 'text';
  input.id = id;
  input.className = `nhsuk-input simwatch-picker-input${select.classList.contains('nhsuk-select--error') ? ' nhsuk-input--error' : ''}`;
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', `${id}-listbox`);
  const describedBy = select.getAttribute('aria-describedby');
  const instructions = document.createElement('span');
  instructions.id = `${id}-instructions`;
  instructions.className = 'nhsuk-u-visually-hidden';
  instructions.textContent =
    'Type part of a name or code, then use the up and down arrow keys and press Enter to choose.';
  input.setAttribute('aria-describedby', [describedBy, instructions.id].filter(Boolean).join(' '));

  const listbox = document.createElement('ul');
  listbox.id = `${id}-listbox`;
  listbox.className = 'simwatch-picker-listbox';
  listbox.setAttribute('role', 'listbox');
  if (label) {
    if (!label.id) label.id = `${id}-label`;
    listbox.setAttribute('aria-labelledby', label.id);
  }
  if (multiple) listbox.setAttribute('aria-multiselectable', 'true');
  listbox.hidden = true;

  const status = document.createElement('div');
  status.className = 'nhsuk-u-visually-hidden';
  status.setAttribute('role', 'status');

  wrapper.append(chosenHeading, chosenList, input, instructions, listbox, status);
  select.after(wrapper);

  let shown = [];
  let active = -1;

  const chosen = () => entries.filter((entry) => entry.option.selected);

  const showChosen = () => {
    const list = chosen();
    chosenList.replaceChildren();
    chosenHeading.textContent =
      list.length === 0 ? 'None chosen yet.' : multiple ? `Chosen (${list.length}):` : 'Chosen:';
    for (const entry of list) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'simwatch-picker-chip';
      const hidden = document.createElement('span');
      hidden.className = 'nhsuk-u-visually-hidden';
      hidden.textContent = 'Remove ';
      const cross = document.createElement('span');
      cross.setAttribute('aria-hidden', 'true');
      cross.textContent = ' ×';
      button.append(hidden, entry.name, cross);
      button.addEventListener('click', () => {
        entry.option.selected = false;
        select.dispatchEvent(new window.Event('change', { bubbles: true }));
        showChosen();
        announce(`${entry.name} removed. ${countText()}`);
        input.focus();
      });
      item.append(button);
      chosenList.append(item);
    }
  };

  const countText = () => {
    const count = chosen().length;
    if (!multiple) return count === 0 ? 'No organisation chosen.' : '';
    return count === 1 ? '1 organisation chosen.' : `${count} organisations chosen.`;
  };

  const announce = (text) => {
    // Emptied first, so the same words twice are still read out.
    status.textContent = '';
    window.setTimeout(() => {
      status.textContent = text;
    }, 50);
  };

  const open = () => {
    const query = normalise(input.value);
    shown = entries.filter((entry) => query === '' || entry.search.includes(query));
    listbox.replaceChildren();
    let group = null;
    for (const entry of shown) {
      if (entry.group !== group) {
        group = entry.group;
        const heading = document.createElement('li');
        heading.setAttribute('role', 'presentation');
        heading.className = 'simwatch-picker-group';
        heading.textContent = group;
        listbox.append(heading);
      }
      const item = document.createElement('li');
      item.id = entry.id;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', String(entry.option.selected));
      item.className = 'simwatch-picker-option';
      item.textContent = entry.name;
      item.addEventListener('mousedown', (event) => event.preventDefault());
      item.addEventListener('click', () => choose(entry));
      listbox.append(item);
    }
    if (shown.length === 0) {
      const none = document.createElement('li');
      none.setAttribute('role', 'presentation');
      none.className = 'simwatch-picker-none';
      none.textContent = 'No organisation’s name or code contains that';
      listbox.append(none);
    }
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
    if (query !== '')
      announce(
        shown.length === 1 ? '1 organisation found.' : `${shown.length} organisations found.`,
      );
  };

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const setActive = (index) => {
    active = index;
    for (const item of listbox.querySelectorAll('[role="option"]'))
      item.classList.remove('simwatch-picker-option--active');
    const entry = shown[index];
    if (!entry) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    const item = document.getElementById(entry.id);
    item?.classList.add('simwatch-picker-option--active');
    item?.scrollIntoView({ block: 'nearest' });
    input.setAttribute('aria-activedescendant', entry.id);
  };

  const choose = (entry) => {
    if (multiple) entry.option.selected = !entry.option.selected;
    else {
      for (const each of entries) each.option.selected = false;
      entry.option.selected = true;
    }
    select.dispatchEvent(new window.Event('change', { bubbles: true }));
    showChosen();
    const added = entry.option.selected;
    announce(`${entry.name} ${added ? 'chosen' : 'removed'}. ${countText()}`);
    input.value = '';
    close();
    input.focus();
  };

  input.addEventListener('input', open);
  input.addEventListener('focus', () => {
    if (input.value !== '') open();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    const isOpen = !listbox.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen) open();
        setActive(Math.min(active + 1, shown.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!isOpen) open();
        setActive(active <= 0 ? shown.length - 1 : active - 1);
        break;
      case 'Enter': {
        // Enter chooses from an open list (the only match, when none is highlighted); with the
        // list closed it sends the form as usual.
        if (!isOpen) break;
        event.preventDefault();
        const entry = shown[active] ?? (shown.length === 1 ? shown[0] : undefined);
        if (entry) choose(entry);
        break;
      }
      case 'Escape':
        if (isOpen) {
          event.preventDefault();
          close();
        } else input.value = '';
        break;
      case 'Backspace': {
        const last = chosen().at(-1);
        if (input.value === '' && last && multiple) {
          last.option.selected = false;
          showChosen();
          announce(`${last.name} removed. ${countText()}`);
        }
        break;
      }
    }
  });

  // Going back to a page restores the select's choices after this script ran.
  window.addEventListener('pageshow', showChosen);
  showChosen();
}

function normalise(text) {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
