import './style.css';
import { api, currentSession } from './api.js';
import { el, header, say } from './page.js';

header(await currentSession());
try {
  const sheet = await api('/api/v1/plans/');
  const renew = { day: 'every UTC day', month: 'every UTC month', never: 'bought, kept until spent' };
  document.querySelector('#plans tbody').replaceChildren(
    ...sheet.plans.map((offer) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, offer.plan),
        el('td', {}, offer.renews === 'never' ? 'as bought' : offer.credits),
        el('td', {}, renew[offer.renews] || offer.renews),
        el('td', {}, offer.max_pages_per_file),
        el('td', {}, offer.summary),
      ),
    ),
  );
  document.querySelector('#per-page').replaceChildren(
    ...Object.entries(sheet.credits_per_page).flatMap(([tier, credits]) => [el('dt', {}, tier), el('dd', {}, `${credits} credit${credits === 1 ? '' : 's'}`)]),
  );
} catch (error) {
  say(error.message, 'error');
}
