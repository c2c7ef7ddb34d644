// Upload form: files dropped on the drop zone join the file input's files (so the form sends
// them as usual), and the chosen files are listed. Without this script the plain file input works.

/** Enhances a drop zone (`[data-simwatch-upload]`) that holds a file input. */
export function enhance(zone) {
  const input = zone.querySelector('input[type="file"]');
  const chosen = zone.querySelector('.simwatch-chosen-files');
  const instruction = zone.querySelector('.simwatch-dropzone__instruction');
  // Setting a file input's files needs DataTransfer; without it the plain input is enough.
  if (!(input instanceof HTMLInputElement) || typeof DataTransfer !== 'function') return;
  if (instruction) instruction.hidden = false;

  const showChosen = () => {
    if (!chosen) return;
    chosen.replaceChildren();
    const files = [...(input.files ?? [])];
    chosen.hidden = files.length === 0;
    if (files.length === 0) return;
    const heading = document.createElement('p');
    heading.className = 'nhsuk-body-s nhsuk-u-margin-bottom-1';
    heading.textContent = files.length === 1 ? '1 file chosen:' : `${files.length} files chosen:`;
    const list = document.createElement('ul');
    list.className = 'nhsuk-list nhsuk-list--bullet nhsuk-body-s';
    for (const file of files) {
      const item = document.createElement('li');
      item.textContent = `${file.name} (${formatSize(file.size)})`;
      list.append(item);
    }
    chosen.append(heading, list);
  };

  const setActive = (active) => zone.classList.toggle('simwatch-dropzone--active', active);

  input.addEventListener('change', showChosen);
  zone.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setActive(true);
  });
  zone.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setActive(true);
  });
  zone.addEventListener('dragleave', (event) => {
    if (!zone.contains(event.relatedTarget)) setActive(false);
  });
  zone.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setActive(false);
    const transfer = new DataTransfer();
    for (const file of input.files ?? []) transfer.items.add(file);
    for (const file of event.dataTransfer.files) transfer.items.add(file);
    input.files = transfer.files;
    showChosen();
  });
}

function carriesFiles(event) {
  return Boolean(event.dataTransfer && [...event.dataTransfer.types].includes('Files'));
}

function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
