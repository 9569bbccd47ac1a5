// What every page shares: the header's links, log out, messages for the user.
import { api } from './api.js';

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function header(session) {
  const nav = document.querySelector('#site-nav');
  nav.replaceChildren(
    el('a', { href: '/pricing' }, 'Pricing'),
    el('a', { href: '/api/v1/openapi.json' }, 'API'),
  );
  if (session && session.signed_in) {
    nav.append(
      el('a', { href: '/account' }, 'Account'),
      el(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: async () => {
            try {
              await api('/api/v1/session/', { method: 'DELETE' });
            } finally {
              // An already ended session is logged out all the same.
              location.assign('/');
            }
          },
        },
        'Log out',
      ),
    );
  } else {
    nav.append(el('a', { href: '/' }, 'Sign up or log in'));
  }
}

/** A message in the page's live region, read out by screen readers. */
export function say(message, kind = 'info') {
  const status = document.querySelector('#status');
  status.className = `notice ${kind}`;
  status.textContent = message;
  status.hidden = !message;
}

export function date(value) {
  return value ? new Date(value).toLocaleString() : '';
}
