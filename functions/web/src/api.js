// The public API, called with the browser's session: the same routes the curl examples use. Requests that
// change anything carry the session's CSRF token, which only this origin's pages can read.
let csrfToken = null;

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export function useCsrfToken(token) {
  csrfToken = token;
}

/**
 * A request whose body's progress is shown (fetch reports none): resolves with the parsed JSON answer,
 * rejects with an ApiError carrying the server's message.
 */
export function send(method, url, body, { onProgress, sameOrigin = true } = {}) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    if (sameOrigin && csrfToken) request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded, event.total);
    });
    request.addEventListener('load', () => {
      let data = null;
      try {
        data = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        data = null;
      }
      if (request.status >= 200 && request.status < 300) resolve(data);
      else reject(new ApiError(request.status, (data && data.error) || `The server answered ${request.status}`, data));
    });
    request.addEventListener('error', () => reject(new ApiError(0, 'The connection failed; try again')));
    request.send(body);
  });
}

export async function api(path, { method = 'GET', json, form } = {}) {
  const headers = {};
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, (data && data.error) || `The server answered ${response.status}`, data);
  }
  return data;
}

/** Who is signed in; also hands this page the CSRF token its forms and requests need. */
export async function currentSession() {
  const session = await api('/api/v1/session/');
  useCsrfToken(session.csrf_token);
  return session;
}

/** The session, or a trip to the sign-in page that comes back here. */
export async function requireSession() {
  const session = await currentSession();
  if (!session.signed_in) {
    location.assign(`/?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new ApiError(401, 'Not signed in');
  }
  return session;
}
