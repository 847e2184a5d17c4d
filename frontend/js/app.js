// Start the app: load the configuration, restore the session, route hash URLs to pages.
import * as api from "./api.js";
import * as session from "./session.js";
import { matchRoute, NAV } from "./routes.js";
import { ageFlash, errorBox, h, mount, flash } from "./ui.js";
import { showUnreadIn } from "./messaging/unread.js";
import { watchAlertsIn } from "./safety/alert-watch.js";

const main = document.getElementById("main");
const nav = document.getElementById("site-nav");
let cleanup = null;
let renderId = 0;

/** Go to a hash path, e.g. navigate("/bookings"). */
export function navigate(path) {
  if (location.hash === `#${path}`) render();
  else location.hash = path;
}

function parseHash() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, search = ""] = raw.split("?");
  return { path: path || "/", query: Object.fromEntries(new URLSearchParams(search)), raw };
}

function drawNav() {
  const user = session.currentUser();
  const items = NAV[user?.role] || NAV.anonymous;
  const { path } = parseHash();
  mount(nav, items.map(([href, label]) => h("a", {
    href: `#${href}`, "aria-current": path === href || (href !== "/" && path.startsWith(`${href}/`)) ? "page" : null,
  }, label)), user ? h("button", { type: "button", class: "link", onclick: signOut }, "Sign out") : null);
  showUnreadIn(nav);  // unread message counts (#18)
  watchAlertsIn(nav);  // therapists: new safety alerts on every page (#23)
}

async function signOut() {
  try {
    await api.post("/auth/signout");
  } catch {
    // The local session ends either way; the server revokes what it can.
  }
  session.signedOut();
  flash("You are signed out.");
  navigate("/");
}

async function render() {
  const id = ++renderId;
  if (typeof cleanup === "function") {
    try { cleanup(); } catch (error) { console.warn("page cleanup failed", error); }
  }
  cleanup = null;
  nav.classList.remove("open");
  document.querySelector(".nav-toggle")?.setAttribute("aria-expanded", "false");
  drawNav();
  const { path, query, raw } = parseHash();
  // aria-busy tells assistive technology (and the browser tests) when the page is drawn.
  main.setAttribute("aria-busy", "true");
  main.dataset.path = raw;
  const match = matchRoute(path);
  if (!match) {
    document.title = "Not found · EmoteCare";
    mount(main, h("h1", {}, "Page not found"), h("p", {}, "That page does not exist. ",
      h("a", { href: "#/" }, "Go to the start page"), "."));
    main.setAttribute("aria-busy", "false");
    return;
  }
  const { route, params } = match;
  const user = session.currentUser();
  if (route.roles && !user) {
    navigate(`/signin?next=${encodeURIComponent(raw)}`);
    return;
  }
  if (route.roles && !route.roles.includes(user.role)) {
    mount(main, h("h1", {}, "Not available"),
      h("p", {}, "This page is for other accounts. ", h("a", { href: "#/dashboard" }, "Go to your home page"), "."));
    main.setAttribute("aria-busy", "false");
    return;
  }
  ageFlash();  // a page is drawn (not a hop to sign-in): older messages make way
  document.title = `${route.title} · EmoteCare`;
  try {
    const module = await import(`./pages/${route.page}.js`);
    if (id !== renderId) return;
    mount(main);
    cleanup = await module.default(main, { params, query, path, user, navigate });
    if (id !== renderId && typeof cleanup === "function") cleanup();
  } catch (error) {
    if (error?.redirected) return;
    console.warn(error);
    mount(main, h("h1", {}, route.title), errorBox(error, render));
  }
  if (id === renderId) {
    main.setAttribute("aria-busy", "false");
    // After an in-app navigation, move focus to the new content (as a page load would reset it);
    // on the first load leave it at the top so the skip link comes first.
    if (id > 1) main.focus({ preventScroll: true });
  }
}

function expired() {
  const { raw, path } = parseHash();
  if (path === "/signin") return;
  flash("Your session has ended. Please sign in again.", "error");
  navigate(`/signin?next=${encodeURIComponent(raw)}`);
}

async function start() {
  document.querySelector(".nav-toggle").addEventListener("click", (event) => {
    const open = nav.classList.toggle("open");
    event.currentTarget.setAttribute("aria-expanded", String(open));
  });
  document.querySelector("[data-skip]").addEventListener("click", (event) => {
    event.preventDefault();
    main.focus();
  });
  try {
    await api.loadConfig();
  } catch (error) {
    mount(main, errorBox(error, () => location.reload()));
    return;
  }
  api.setExpiredHandler(expired);
  // A reload keeps the tab signed in; a refresh token that no longer works is forgotten.
  if (session.refreshToken() && !(await api.renew())) {
    session.signedOut();
    flash("Your session has ended. Please sign in again.", "error");
  }
  session.onChange(drawNav);
  window.addEventListener("hashchange", render);
  render();
}

start();
