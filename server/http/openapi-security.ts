/** How the OpenAPI document says who may call each operation; a test checks every route declares it. */

/** A token with the scope, or a signed-in person whose role does what the scope allows. */
export const scoped = (scope: string) => [{ bearer: [scope] }, { session: [scope] }];

/** Open to anyone (health, this document, the steps before a session exists). */
export const open: never[] = [];

export const denied = {
  "401": { description: "No token or session, or an unknown, revoked or expired token" },
  "403": {
    description:
      "The token lacks the scope, the person's role is too low, or a cookie-authenticated change came from another site",
  },
};

export const SECURITY_SCHEMES = {
  bearer: {
    type: "http",
    scheme: "bearer",
    description: "A project API token with scopes (shiplane token create, or a project's Settings page)",
  },
  session: {
    type: "apiKey",
    in: "cookie",
    name: "shiplane.session_token",
    description:
      "The signed-in UI's session; the person's role in the project must do what the scope allows. Changes must come from Shiplane's own pages (Origin checked).",
  },
  githubSignature: {
    type: "apiKey",
    in: "header",
    name: "X-Hub-Signature-256",
    description: "HMAC-SHA256 of the body with the project's webhook secret",
  },
  workerToken: {
    type: "http",
    scheme: "bearer",
    description:
      "A worker's token (slw_…): instance admins create them on the Workers page or with shiplane workers create",
  },
  callbackToken: {
    type: "http",
    scheme: "bearer",
    description: "The one deployment's callback token, sent to a webhook deployer",
  },
};
