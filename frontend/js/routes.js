// Every page: hash path pattern → module under pages/, who may open it, its title.
// `roles: null` means public; a page for signed-in users sends others to sign in and back.

export const ROUTES = [
  { path: "/", page: "landing", roles: null, title: "Affordable online therapy" },
  { path: "/privacy", page: "landing", roles: null, title: "Privacy in plain words" },
  { path: "/crisis", page: "crisis", roles: null, title: "Crisis lines" },
  { path: "/signup", page: "auth", roles: null, title: "Create your account" },
  { path: "/confirm", page: "auth", roles: null, title: "Confirm your email" },
  { path: "/signin", page: "auth", roles: null, title: "Sign in" },
  { path: "/forgot", page: "auth", roles: null, title: "Reset your password" },
  { path: "/reset", page: "auth", roles: null, title: "Choose a new password" },
  { path: "/therapists", page: "browse", roles: null, title: "Therapists" },
  { path: "/therapists/:id", page: "therapist-profile", roles: null, title: "Therapist" },
  { path: "/resources", page: "resources", roles: null, title: "Resources" },
  { path: "/resources/:id", page: "resources", roles: null, title: "Resource" },

  { path: "/dashboard", page: "dashboard", roles: ["patient", "therapist", "admin"], title: "Dashboard" },
  { path: "/account", page: "account", roles: ["patient", "therapist", "admin"], title: "Your account" },
  { path: "/room/:id", page: "room", roles: ["patient", "therapist"], title: "Session room" },
  { path: "/messages", page: "messages", roles: ["patient", "therapist"], title: "Messages" },
  { path: "/messages/:id", page: "thread", roles: ["patient", "therapist"], title: "Messages" },

  { path: "/find", page: "find", roles: ["patient"], title: "Find a therapist" },
  { path: "/bookings", page: "bookings", roles: ["patient", "therapist"], title: "Your sessions" },
  { path: "/bookings/:id", page: "booking", roles: ["patient", "therapist"], title: "Session booking" },
  { path: "/payments", page: "payments", roles: ["patient", "therapist"], title: "Payments" },
  { path: "/self-reflect", page: "self-reflect", roles: ["patient"], title: "Self-reflect" },
  { path: "/self-reflect/:id/report", page: "self-reflect-report", roles: ["patient"], title: "Self-reflect report" },
  { path: "/journal", page: "journal", roles: ["patient"], title: "Journal" },
  { path: "/chat", page: "chat", roles: ["patient"], title: "Chat" },
  { path: "/reports", page: "reports", roles: ["patient"], title: "Your reports" },
  { path: "/reports/:patient/:week", page: "report", roles: ["patient", "therapist"], title: "Weekly report" },
  { path: "/check-ins", page: "check-ins", roles: ["patient"], title: "Check-ins" },
  { path: "/access-log", page: "access-log", roles: ["patient"], title: "Who has seen my data" },
  { path: "/check-ins/:kind", page: "check-in", roles: ["patient"], title: "Check-in" },
  { path: "/sessions/:id/summary", page: "session-summary", roles: ["patient", "therapist"], title: "Session summary" },

  { path: "/availability", page: "availability", roles: ["therapist"], title: "Your availability" },
  { path: "/profile", page: "therapist-edit", roles: ["therapist"], title: "Your public profile" },
  { path: "/patients", page: "patients", roles: ["therapist"], title: "Your patients" },
  { path: "/patients/:id", page: "patient", roles: ["therapist"], title: "Patient" },
  { path: "/patients/:id/plan", page: "patient-plan", roles: ["therapist"], title: "Treatment plan" },
  { path: "/patients/:id/contact", page: "patient-contact", roles: ["therapist"], title: "How to reach your patient" },
  { path: "/alerts", page: "alerts", roles: ["therapist"], title: "Safety alerts" },

  { path: "/admin/therapists", page: "admin-therapists", roles: ["admin"], title: "Approve therapists" },
  { path: "/admin/resources", page: "admin-resources", roles: ["admin"], title: "Edit resources" },
];

export const NAV = {
  anonymous: [["/", "Home"], ["/therapists", "Therapists"], ["/resources", "Resources"],
    ["/signin", "Sign in"], ["/signup", "Sign up"]],
  patient: [["/dashboard", "Home"], ["/find", "Find a therapist"], ["/bookings", "Sessions"],
    ["/self-reflect", "Self-reflect"], ["/journal", "Journal"], ["/check-ins", "Check-ins"], ["/chat", "Chat"],
    ["/messages", "Messages"], ["/resources", "Resources"], ["/reports", "Reports"], ["/payments", "Payments"],
    ["/account", "Account"]],
  therapist: [["/dashboard", "Today"], ["/alerts", "Alerts"], ["/bookings", "Sessions"], ["/availability", "Availability"],
    ["/patients", "Patients"], ["/messages", "Messages"], ["/payments", "Payments"], ["/profile", "Profile"],
    ["/account", "Account"]],
  admin: [["/dashboard", "Home"], ["/admin/therapists", "Therapists"],
    ["/admin/resources", "Resources"], ["/account", "Account"]],
};

/** Find the route for `path`, with its URL parameters. */
export function matchRoute(path) {
  const parts = path.split("/").filter(Boolean);
  for (const route of ROUTES) {
    const pattern = route.path.split("/").filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params = {};
    const ok = pattern.every((segment, i) => {
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = decodeURIComponent(parts[i]);
        return true;
      }
      return segment === parts[i];
    });
    if (ok) return { route, params };
  }
  return null;
}
