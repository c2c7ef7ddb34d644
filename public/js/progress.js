// Upload progress: asks the server how the upload is going every couple of seconds and updates
// the page (the status sits in a polite live region), until screening has finished. Without this
// script the page offers a "Check again" link.

const pollEvery = 1500;
const giveUpAfterFailures = 5;

/** Enhances an upload's progress (`[data-simwatch-progress]` with `data-status-url`). */
export function enhance(element) {
  const url = element.dataset.statusUrl;
  const bar = element.querySelector('progress');
  const status = element.querySelector('[data-progress-status]');
  const message = element.querySelector('[data-progress-message]');
  const links = element.querySelector('[data-progress-links]');
  const checkAgain = element.querySelector('[data-progress-check-again]');
  if (!url || !status || !checkAgain) return;
  let failures = 0;

  const show = (job) => {
    if (bar) {
      bar.value = job.step;
      bar.textContent = `${job.step} of 3 steps`;
    }
    // Only a change of words is announced, so the live region is touched only then.
    if (status.textContent.trim() !== job.text) {
      const strong = document.createElement('strong');
      strong.textContent = job.text;
      status.replaceChildren(strong);
    }
    if (message) {
      message.textContent = job.message ?? '';
      message.hidden = !job.message;
    }
    if (job.finished) {
      checkAgain.hidden = true;
      if (links) links.replaceChildren(...resultLinks(job));
    }
  };

  const poll = async () => {
    try {
      const response = await fetch(url, {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const job = await response.json();
      failures = 0;
      show(job);
      if (job.finished) return;
    } catch {
      failures += 1;
      // The "Check again" link still works when the server cannot be reached.
      if (failures >= giveUpAfterFailures) return;
    }
    setTimeout(poll, pollEvery);
  };
  setTimeout(poll, pollEvery);
}

function resultLinks(job) {
  const items = [];
  const add = (href, text) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = href;
    link.textContent = text;
    item.append(link);
    items.push(item);
  };
  if (job.findingsUrl) add(job.findingsUrl, findingsText(job.findings));
  if (job.documentUrl) add(job.documentUrl, 'View the document');
  add('/workspace/uploads', 'Upload more documents');
  return items;
}

function findingsText(findings) {
  if (findings === null) return 'Review its findings in the triage queue';
  if (findings === 1) return 'Review the finding in the triage queue';
  return `Review the ${findings} findings in the triage queue`;
}
