// Who is signed in, and their tokens.
//
// The ID token lives only in this module's memory: nothing else on the page (and no other tab)
// can read it, and it disappears when the tab closes. The refresh token is kept in
// sessionStorage so that a reload of the same tab can get a new ID token without asking for
// the password again; sessionStorage is scoped to this tab and origin and is cleared when the
// tab closes (unlike localStorage), and signing out revokes it on the server as well.

const REFRESH_KEY = "emotecare.refresh";
const USER_KEY = "emotecare.user";

let idToken = null;
let expiresAt = 0;
let user = null;
const listeners = new Set();

export function currentUser() {
  return user;
}

export function token() {
  return idToken;
}

export function tokenFresh() {
  return Boolean(idToken) && Date.now() < expiresAt - 30_000;
}

export function refreshToken() {
  return sessionStorage.getItem(REFRESH_KEY);
}

/** Store a successful sign-in: `{id_token, refresh_token, expires_in, user}`. */
export function signedIn(result) {
  idToken = result.id_token;
  expiresAt = Date.now() + (Number(result.expires_in) || 3600) * 1000;
  if (result.refresh_token) sessionStorage.setItem(REFRESH_KEY, result.refresh_token);
  user = { ...claimsUser(idToken), ...(result.user || {}) };
  sessionStorage.setItem(USER_KEY, JSON.stringify(publicProfile(user)));
  notify();
}

/** Replace the ID token after a refresh. */
export function refreshed(result) {
  idToken = result.id_token;
  expiresAt = Date.now() + (Number(result.expires_in) || 3600) * 1000;
  const remembered = JSON.parse(sessionStorage.getItem(USER_KEY) || "null");
  user = { ...claimsUser(idToken), ...(remembered || {}), ...(user || {}) };
  notify();
}

export function updateUser(fields) {
  user = { ...(user || {}), ...fields };
  sessionStorage.setItem(USER_KEY, JSON.stringify(publicProfile(user)));
  notify();
}

export function signedOut() {
  idToken = null;
  expiresAt = 0;
  user = null;
  sessionStorage.removeItem(REFRESH_KEY);
  sessionStorage.removeItem(USER_KEY);
  notify();
}

// Device tokens (issue 24): a successful sign-in returns one, and the next sign-in of the same
// account sends it back, proving "this browser has signed in as you before", so a stranger's
// wrong guesses never lock it out. It opens nothing by itself (the password is still needed),
// so it is kept in localStorage, per account e-mail, across tabs and restarts.
const DEVICES_KEY = "emotecare.devices";

function knownDevices() {
  try {
    return JSON.parse(localStorage.getItem(DEVICES_KEY) || "{}") || {};
  } catch {
    return {};
  }
}

export function deviceToken(email) {
  return knownDevices()[String(email || "").trim().toLowerCase()] || null;
}

export function rememberDevice(email, token) {
  if (!token) return;
  localStorage.setItem(DEVICES_KEY, JSON.stringify(
    { ...knownDevices(), [String(email).trim().toLowerCase()]: token }));
}

export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const listener of listeners) listener(user);
}

// Only what the page shows (name, role, time zone) is remembered for a reload; never a token.
function publicProfile(u) {
  const { user_id, email, role, name, time_zone, status } = u;
  return { user_id, email, role, name, time_zone, status };
}

/** Read the role, id and email from the token's claims (display only: the API verifies it). */
function claimsUser(jwt) {
  try {
    const payload = JSON.parse(atob(jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    const groups = payload["cognito:groups"] || [];
    const role = ["admin", "therapist", "patient"].find((r) => groups.includes(r));
    return { user_id: payload.sub, email: payload.email, ...(role ? { role } : {}) };
  } catch {
    return {};
  }
}
