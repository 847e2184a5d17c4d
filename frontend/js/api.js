// The one way the page talks to the EmoteCare API (docs/API.md).
import * as session from "./session.js";
import { forPeople } from "./field-names.js";

let config = null;
let onExpired = () => {};

export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

/** Load `/config.json` (served next to the page: apiUrl, region, user pool ids). */
export async function loadConfig() {
  if (config) return config;
  const response = await fetch("config.json", { cache: "no-store" });
  if (!response.ok) throw new Error("Could not load the app's configuration (config.json).");
  config = await response.json();
  return config;
}

export function apiUrl() {
  return config?.apiUrl?.replace(/\/$/, "") || "";
}

/** Called when the session cannot be renewed: the app sends the user to sign in and back. */
export function setExpiredHandler(handler) {
  onExpired = handler;
}

/**
 * Call the API. Returns the parsed JSON (or null for 204). Throws ApiError with the API's own
 * message. `auth: false` sends no token (public routes).
 */
export async function api(path, { method = "GET", body, query, auth = true, raw = false } = {}) {
  const url = new URL(apiUrl() + path);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  if (auth && !session.tokenFresh() && session.refreshToken()) await renew();
  let response = await send(url, method, body, auth);
  if (response.status === 401 && auth && session.refreshToken()) {
    if (await renew()) response = await send(url, method, body, auth);
  }
  if (response.status === 401 && auth) {
    session.signedOut();
    onExpired();
    const error = new ApiError(401, "Your session has ended. Please sign in again.");
    error.redirected = true;
    throw error;
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const message = data?.error || data?.message || `The server answered ${response.status}.`;
    throw new ApiError(response.status, forPeople(message, data?.field), data?.field);
  }
  return data;
}

async function send(url, method, body, auth) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (auth && session.token()) headers.Authorization = `Bearer ${session.token()}`;
  try {
    return await fetch(url, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "Cannot reach EmoteCare right now. Check your connection and try again.");
  }
}

let renewing = null;
/** Swap the refresh token for a new ID token (one request even when many calls need it). */
export function renew() {
  if (!renewing) {
    renewing = (async () => {
      try {
        const response = await fetch(`${apiUrl()}/auth/refresh`, {
          method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ refresh_token: session.refreshToken() }),
        });
        if (!response.ok) return false;
        session.refreshed(await response.json());
        return true;
      } catch {
        return false;
      } finally {
        setTimeout(() => { renewing = null; }, 0);
      }
    })();
  }
  return renewing;
}

export const get = (path, query) => api(path, { query });
export const post = (path, body = {}) => api(path, { method: "POST", body });
export const put = (path, body = {}) => api(path, { method: "PUT", body });
export const patch = (path, body = {}) => api(path, { method: "PATCH", body });
export const del = (path) => api(path, { method: "DELETE" });
