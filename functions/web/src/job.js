import './style.css';
import { marked } from 'marked';
import DOMPurify from 'dompurify';
import { api, requireSession } from './api.js';
import { el, header, say } from './page.js';

const FORMATS = ['txt', 'md', 'docx', 'pdf', 'csv', 'json', 'hocr', 'alto'];
const uuid = new URLSearchParams(location.search).get('uuid') || '';
const base = `/api/v1/ocr/${encodeURIComponent(uuid)}`;

const session = await requireSession();
header(session);

function confidenceClass(confidence) {
  if (confidence >= 0.9) return 'high';
  if (confidence >= 0.7) return 'mid';
  return 'low';
}

const tooltip = document.querySelector('#tooltip');
function showTip(box, block) {
  tooltip.replaceChildren(el('strong', {}, `${Math.round(block.confidence * 100)}% confident`), el('span', {}, block.text));
  const rect = box.getBoundingClientRect();
  tooltip.style.left = `${Math.max(8, rect.left + window.scrollX)}px`;
  tooltip.style.top = `${rect.bottom + window.scrollY + 6}px`;
  tooltip.hidden = false;
}
function hideTip() {
  tooltip.hidden = true;
}

/** A page's image with its blocks drawn over it, placed in percent of the page so it scales with the screen. */
function pageFigure(page) {
  const overlay = el('div', { class: 'boxes' });
  for (const block of page.blocks || []) {
    const [x0, y0, x1, y1] = block.bbox;
    const percent = (value, whole) => `${((value / whole) * 100).toFixed(3)}%`;
    const box = el('button', {
      type: 'button',
      class: `box ${confidenceClass(block.confidence)}`,
      'aria-label': `${Math.round(block.confidence * 100)}% confident: ${block.text}`,
      'data-confidence': block.confidence,
    });
    Object.assign(box.style, {
      left: percent(x0, page.width),
      top: percent(y0, page.height),
      width: percent(x1 - x0, page.width),
      height: percent(y1 - y0, page.height),
    });
    box.addEventListener('mouseenter', () => showTip(box, block));
    box.addEventListener('focus', () => showTip(box, block));
    box.addEventListener('mouseleave', hideTip);
    box.addEventListener('blur', hideTip);
    overlay.append(box);
  }
  const image = el('img', {
    src: `${base}/pages/${page.index}/image/`,
    alt: `Page ${page.index + 1} as it was read`,
    width: page.width,
    height: page.height,
    loading: 'lazy',
  });
  // A page read from its PDF's own text layer has no image: its blocks are drawn on a blank page.
  image.addEventListener('error', () => image.replaceWith(el('div', { class: 'blank', role: 'img', 'aria-label': `Page ${page.index + 1} (text layer, no image)` })));
  const sheet = el('div', { class: 'sheet' }, image, overlay);
  // Through the style object: the pages' CSP allows no inline style attributes.
  sheet.style.aspectRatio = `${page.width} / ${page.height}`;
  return el('figure', { id: `page-${page.index + 1}`, class: 'page', tabindex: -1 }, sheet, el('figcaption', {}, `Page ${page.index + 1} · ${(page.blocks || []).length} blocks`));
}

function showResult(job) {
  document.querySelector('#pages').replaceChildren(...job.pages.map(pageFigure));
  document.querySelector('#markdown').innerHTML = DOMPurify.sanitize(marked.parse(job.markdown || ''));
  const downloads = document.querySelector('#downloads');
  downloads.replaceChildren(
    el('span', {}, 'Download:'),
    ...FORMATS.map((format) => el('a', { href: `${base}/download/?format=${format}`, download: '' }, format)),
  );
  downloads.hidden = false;
  document.querySelector('#chat').hidden = false;
}

function summary(job) {
  const parts = [job.status, `${job.pages_done} of ${job.page_count} pages`, `${job.credits_charged} credits`];
  if (job.detected_language) parts.push(`language ${job.detected_language}`);
  if (job.mean_confidence !== null && job.mean_confidence !== undefined) parts.push(`${Math.round(job.mean_confidence * 100)}% mean confidence`);
  return parts.join(' · ');
}

async function follow() {
  const progress = document.querySelector('#progress');
  let polls = 0;
  for (;;) {
    const job = await api(`${base}/`);
    document.querySelector('#title').textContent = job.filename || 'Job';
    document.title = `${job.filename || 'Job'} · ocrchat`;
    document.querySelector('#summary').textContent = summary(job);
    if (job.status === 'done') {
      progress.hidden = true;
      say('');
      showResult(job);
      for (const warning of job.warnings || []) say(warning, 'info');
      return;
    }
    if (job.status === 'failed') {
      progress.hidden = true;
      say(job.error || 'The job failed', 'error');
      return;
    }
    progress.hidden = false;
    progress.max = Math.max(1, job.page_count);
    progress.value = job.pages_done;
    say(`Reading: ${job.pages_done} of ${job.page_count || '?'} pages done`);
    // Soon at first, then every 5 s: many open job pages must not use up the API's request rate.
    await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 1000 + polls++ * 500)));
  }
}

/** Citations are links to their pages: following one scrolls there and marks the page. */
function goToPage(page) {
  const figure = document.querySelector(`#page-${page}`);
  if (!figure) return;
  for (const other of document.querySelectorAll(".page.cited")) other.classList.remove("cited");
  figure.classList.add('cited');
  figure.scrollIntoView({ behavior: 'smooth', block: 'start' });
  figure.focus({ preventScroll: true });
}

let conversation = null;
function addMessage(role, content, citations = []) {
  const item = el('li', { class: `message ${role}` }, el('p', {}, content));
  if (citations.length) {
    item.append(
      el(
        'ul',
        { class: 'citations', 'aria-label': 'Citations' },
        ...citations.map((citation) =>
          el(
            'li',
            {},
            el('a', { href: `#page-${citation.page}`, class: 'cite', onclick: (event) => { event.preventDefault(); goToPage(citation.page); } }, `page ${citation.page}`),
            ' ',
            el('q', {}, citation.snippet),
          ),
        ),
      ),
    );
  }
  document.querySelector('#messages').append(item);
}

document.querySelector('#ask').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.querySelector('#question');
  const message = input.value.trim();
  if (!message) return;
  addMessage('user', message);
  input.value = '';
  try {
    const reply = await api(`/api/v1/chat/${encodeURIComponent(uuid)}/`, {
      method: 'POST',
      json: conversation ? { message, conversation } : { message },
    });
    conversation = reply.conversation;
    addMessage('assistant', reply.message.content, reply.message.citations || []);
  } catch (error) {
    addMessage('error', error.message);
  }
});

try {
  await follow();
} catch (error) {
  say(error.status === 404 ? 'No such job, or it is not yours.' : error.message, 'error');
}
