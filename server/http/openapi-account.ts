import { open } from "./openapi-security";

type Describe = (description: string) => unknown;

const credentials = {
  required: true,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["email", "password"],
        properties: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
      },
    },
  },
};

/** Signing in and out, the first admin, and invitations: the steps before (or around) a session. */
export function accountPaths(error: Describe) {
  return {
    "/api/auth/sign-in/email": {
      post: {
        summary: "Sign in with email and password; sets the httpOnly session cookie",
        security: open,
        requestBody: credentials,
        responses: {
          "200": { description: "Signed in" },
          "401": error("Wrong email or password (the same answer whether the email exists or not)"),
          "403": error("The account is disabled"),
          "429": error("5 failed sign-ins in a minute from this address: Retry-After says how long to wait"),
        },
      },
    },
    "/api/auth/sign-out": {
      post: {
        summary: "Sign out (ends the session)",
        security: open,
        responses: { "200": { description: "Signed out" } },
      },
    },
    "/api/auth/change-password": {
      post: {
        summary: "Change one's password: { currentPassword, newPassword, revokeOtherSessions }",
        security: [{ session: [] }],
        responses: { "200": { description: "Changed" }, "400": error("Wrong current password or too short a new one") },
      },
    },
    "/api/account/setup": {
      post: {
        summary: "First run: create the instance admin (refused once any account exists)",
        security: open,
        requestBody: credentials,
        responses: {
          "201": { description: "{ email, siteAdmin }" },
          "400": error("Invalid email or password"),
          "409": error("Shiplane already has an admin"),
        },
      },
    },
    "/api/account/invites/{token}": {
      parameters: [
        {
          name: "token",
          in: "path",
          required: true,
          schema: { type: "string" },
          description: "The invitation link's secret",
        },
      ],
      get: {
        summary: "What an invitation offers: { email, role, project, hasAccount }",
        security: open,
        responses: { "200": { description: "The invitation" }, "410": error("Used, revoked or expired") },
      },
      post: {
        summary:
          "Accept an invitation: a new person sends { name, password }; someone with an account must be signed in as the invited email",
        security: open,
        responses: {
          "200": { description: "{ email, project, role }" },
          "401": error("Sign in as the invited email first"),
          "410": error("Used, revoked or expired"),
        },
      },
    },
  };
}
