import './style.css';
import { api, requireSession, send } from './api.js';
import { date, el, header, say } from './page.js';
import { tokenOnce } from './token.js';
import { examples } from './examples.js';

// One request carries about 4 MB of file on AWS; larger files go to a presigned upload first.
const INLINE_BYTES = 4 * 1024 * 1024;

// The session is awaited after the buttons and forms have their handlers, which await it too: a click while it loads
// is not lost, and its request carries the session's CSRF token.
const sessionLoaded = requireSession();

async function showAccount() {
  const account = await api('/api/v1/account/');
  const facts = [
    ['Email', session.email],
    ['Plan', account.plan],
    ['Used', `${account.used} of ${account.cap} credits`],
    ['Remaining', `${account.remaining} credits`],
    ['Next reset', account.resets_at ? date(account.resets_at) : 'none (bought credits do not renew)'],
    ['Pages per file', account.max_pages_per_file],
    ...Object.entries(account.credits_per_page).map(([tier, credits]) => [`A ${tier} page`, `${credits} credit${credits === 1 ? '' : 's'}`]),
  ];
  document.querySelector('#balance').replaceChildren(...facts.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
  const rows = account.recent_jobs.map((job) =>
    el(
      'tr',
      {},
      el('td', {}, el('a', { href: `/job?uuid=${encodeURIComponent(job.uuid)}` }, job.filename || job.uuid)),
      el('td', {}, job.status),
      el('td', {}, job.page_count),
      el('td', {}, job.credits_charged),
      el('td', {}, date(job.created_at)),
    ),
  );
  document.querySelector('#jobs tbody').replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 5 }, 'No jobs yet.'))]));
}

async function showTools() {
  const tools = await api('/api/v1/tools/');
  const list = Array.isArray(tools) ? tools : tools.tools || [];
  document.querySelector('#tool').append(...list.map((tool) => el('option', { value: tool.slug }, tool.name || tool.slug)));
}

function showExamples() {
  document.querySelector('#examples').replaceChildren(
    ...examples(location.origin).map(({ name, code }) =>
      el('details', {}, el('summary', {}, name), el('pre', { tabindex: 0 }, el('code', {}, code))),
    ),
  );
}

document.querySelector('#rotate').addEventListener('click', async () => {
  if (!confirm('Make a new token? The current one stops working at once.')) return;
  try {
    await sessionLoaded; // its CSRF token goes with the request
    const { token } = await api('/api/v1/account/token/', { method: 'POST' });
    tokenOnce(document.querySelector('#token-once'), token, 'Your new API token');
    say('A new token is ready; the old one no longer works.', 'ok');
    document.querySelector('#copy-token').focus();
  } catch (error) {
    say(error.message, 'error');
  }
});

const drop = document.querySelector('#drop');
const input = document.querySelector('#file');
input.addEventListener('change', () => {
  document.querySelector('#drop-text').textContent = input.files[0] ? `${input.files[0].name} (${Math.ceil(input.files[0].size / 1024)} KB)` : 'Drop an image or a PDF here, or choose a file';
});
for (const name of ['dragenter', 'dragover']) {
  drop.addEventListener(name, (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
}
for (const name of ['dragleave', 'drop']) drop.addEventListener(name, () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  if (event.dataTransfer.files.length) {
    input.files = event.dataTransfer.files;
    input.dispatchEvent(new Event('change'));
  }
});

/** Large files: a presigned upload, then the job names its upload_id; small ones go in the request. */
async function submit(file, options, onProgress) {
  const form = new FormData();
  for (const [name, value] of Object.entries(options)) if (value) form.append(name, value);
  if (file.size > INLINE_BYTES) {
    const ticket = await api('/api/v1/uploads/', { method: 'POST', json: { size: file.size, filename: file.name } });
    await send(ticket.method || 'PUT', ticket.url, file, { onProgress, sameOrigin: false });
    form.append('upload_id', ticket.upload_id);
  } else {
    form.append('file', file, file.name);
  }
  return send('POST', '/api/v1/ocr/', form, { onProgress: file.size > INLINE_BYTES ? null : onProgress });
}

document.querySelector('#upload').addEventListener('submit', async (event) => {
  event.preventDefault();
  await sessionLoaded; // its CSRF token goes with the request
  const file = input.files[0];
  if (!file) {
    say('Choose a file first.', 'error');
    input.focus();
    return;
  }
  const progress = document.querySelector('#upload-progress');
  progress.hidden = false;
  say(`Sending ${file.name}…`);
  try {
    const job = await submit(
      file,
      {
        tier: document.querySelector('#tier').value,
        language: document.querySelector('#language').value.trim() || 'auto',
        tool: document.querySelector('#tool').value,
      },
      (sent, total) => {
        progress.max = total;
        progress.value = sent;
        if (sent === total) say(`${file.name} is sent; reading it…`);
      },
    );
    location.assign(`/job?uuid=${encodeURIComponent(job.uuid)}`);
  } catch (error) {
    progress.hidden = true;
    say(error.message, 'error');
  }
});

showExamples();
const session = await sessionLoaded;
header(session);
try {
  await Promise.all([showAccount(), showTools()]);
} catch (error) {
  say(error.message, 'error');
}
