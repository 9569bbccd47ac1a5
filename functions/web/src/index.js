import './style.css';
import { api, currentSession, useCsrfToken } from './api.js';
import { header, say } from './page.js';
import { tokenOnce } from './token.js';

/** Where to go once signed in: a page of this site only (resolved as the browser will, so no trick leaves it). */
function destinationOf(next) {
  if (!next) return '/account';
  try {
    const url = new URL(next, location.origin);
    return url.origin === location.origin ? url.pathname + url.search + url.hash : '/account';
  } catch {
    return '/account';
  }
}
const destination = destinationOf(new URLSearchParams(location.search).get('next'));

const session = await currentSession();
header(session);
if (session.signed_in) {
  location.replace(destination);
} else if (!session.sign_up_open) {
  document.querySelector('#signup-closed').hidden = false;
  for (const field of document.querySelectorAll('#signup input, #signup button')) field.disabled = true;
}

function values(form) {
  return { email: form.email.value, password: form.password.value };
}

document.querySelector('#signup').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  say('Creating your account…');
  try {
    const created = await api('/api/v1/signup/', { method: 'POST', json: values(form) });
    useCsrfToken(created.csrf_token);
    header(created);
    say(`Welcome, ${created.email}: your free account is ready.`, 'ok');
    document.querySelector('#forms').hidden = true;
    const panel = document.querySelector('#token-once');
    tokenOnce(panel, created.token, 'Your API token');
    const go = document.createElement('a');
    go.href = destination;
    go.className = 'button';
    go.textContent = 'Continue to your account';
    panel.append(go);
    document.querySelector('#copy-token').focus();
  } catch (error) {
    say(error.message, 'error');
  }
});

document.querySelector('#login').addEventListener('submit', async (event) => {
  event.preventDefault();
  say('Logging in…');
  try {
    await api('/api/v1/session/', { method: 'POST', json: values(event.currentTarget) });
    location.assign(destination);
  } catch (error) {
    say(error.message, 'error');
  }
});
