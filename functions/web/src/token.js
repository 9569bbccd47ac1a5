// A token shown once: masked, with Show and Copy. The server keeps only its hash, so this is the only sight of it.
import { el } from './page.js';

export function tokenOnce(container, token, heading) {
  const field = el('input', {
    id: 'new-token',
    type: 'password',
    readonly: true,
    value: token,
    class: 'token',
    'aria-describedby': 'token-help',
    spellcheck: 'false',
  });
  const copied = el('span', { role: 'status', class: 'copied' });
  container.replaceChildren(
    el('h2', {}, heading),
    el(
      'p',
      { id: 'token-help' },
      'This is the only time it is shown: copy it now. Send it as ',
      el('code', {}, 'Authorization: Bearer <token>'),
      '.',
    ),
    el('label', { for: 'new-token' }, 'API token'),
    el(
      'div',
      { class: 'row' },
      field,
      el(
        'button',
        {
          type: 'button',
          onclick: (event) => {
            const shown = field.type === 'text';
            field.type = shown ? 'password' : 'text';
            event.currentTarget.textContent = shown ? 'Show' : 'Hide';
          },
        },
        'Show',
      ),
      el(
        'button',
        {
          type: 'button',
          id: 'copy-token',
          onclick: async () => {
            try {
              await navigator.clipboard.writeText(token);
              copied.textContent = 'Copied to the clipboard';
            } catch {
              // No clipboard API (plain http on a network address): select it for the keyboard's copy.
              field.type = 'text';
              field.select();
              copied.textContent = 'Selected: press Ctrl+C (Cmd+C) to copy';
            }
          },
        },
        'Copy',
      ),
    ),
    copied,
  );
  container.hidden = false;
}
