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
