import { z } from "zod";
import { ROLES } from "../../../domain/access/roles";
import { projectRef } from "../../http/schemas";
import { createInvite, listMembers, removeMember, revokeInvite, setMemberRole } from "../../services/members";
import { adminProcedure, router, viewerProcedure } from "../init";

const email = z.string().trim().min(3).max(254);
const role = z.enum(ROLES);

export const memberRouter = router({
  /** Everyone sees the members; open invitations only admins. */
  list: viewerProcedure.input(projectRef).query(async ({ ctx, input }) => {
    const { members, invites } = await listMembers(ctx.app, input);
    return { members, invites: ctx.actor.role === "admin" ? invites : [] };
  }),
  setRole: adminProcedure
    .input(projectRef.extend({ email, role }))
    .mutation(({ ctx, input }) => setMemberRole(ctx.app, ctx.actor, input)),
  remove: adminProcedure
    .input(projectRef.extend({ email }))
    .mutation(({ ctx, input }) => removeMember(ctx.app, ctx.actor, input)),
  /** Returns the invitation's secret once; the page turns it into a link to copy. */
  invite: adminProcedure.input(projectRef.extend({ email, role })).mutation(async ({ ctx, input }) => {
    const { token, invite } = await createInvite(ctx.app, ctx.actor, input);
    return { token, path: `/invite/${token}`, email: invite.email, role: invite.role, expiresAt: invite.expiresAt };
  }),
  revokeInvite: adminProcedure
    .input(projectRef.extend({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => revokeInvite(ctx.app, ctx.actor, input)),
});
