import { done, exact, projectRef, strict } from "../../contracts/common";
import { createdInvite, inviteRef, memberRef, memberRole, memberRoleInput, membersList } from "../../contracts/member";
import { createInvite, listMembers, removeMember, revokeInvite, setMemberRole } from "../../services/members";
import { adminProcedure, router, viewerProcedure } from "../init";

export const memberRouter = router({
  /** Everyone sees the members; open invitations only admins. */
  list: viewerProcedure
    .input(strict(projectRef))
    .output(exact<Awaited<ReturnType<typeof listMembers>>>()(membersList))
    .query(async ({ ctx, input }) => {
      const { members, invites } = await listMembers(ctx.app, input);
      return { members, invites: ctx.actor.role === "admin" ? invites : [] };
    }),
  setRole: adminProcedure
    .input(strict(memberRoleInput))
    .output(memberRole)
    .mutation(({ ctx, input }) => setMemberRole(ctx.app, ctx.actor, input)),
  remove: adminProcedure
    .input(strict(memberRef))
    .output(done)
    .mutation(({ ctx, input }) => removeMember(ctx.app, ctx.actor, input)),
  /** Returns the invitation's secret once; the page turns it into a link to copy. */
  invite: adminProcedure
    .input(strict(memberRoleInput))
    .output(createdInvite)
    .mutation(async ({ ctx, input }) => {
      const { token, invite } = await createInvite(ctx.app, ctx.actor, input);
      return { token, path: `/invite/${token}`, email: invite.email, role: invite.role, expiresAt: invite.expiresAt };
    }),
  revokeInvite: adminProcedure
    .input(strict(inviteRef))
    .output(done)
    .mutation(({ ctx, input }) => revokeInvite(ctx.app, ctx.actor, input)),
});
