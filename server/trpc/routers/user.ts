import { z } from "zod";
import { createUser, listPeople, setSiteAdmin, setUserDisabled } from "../../services/users";
import { procedureFor, router } from "../init";

const instanceAdmin = procedureFor("admin", "instance");
const email = z.string().trim().min(3).max(254);

export const userRouter = router({
  list: instanceAdmin.query(({ ctx }) => listPeople(ctx.app)),
  create: instanceAdmin
    .input(
      z.object({
        email,
        password: z.string().min(1).max(200),
        name: z.string().max(100).nullish(),
        siteAdmin: z.boolean().default(false),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const user = await createUser(ctx.app, ctx.actor, { ...input, siteRole: input.siteAdmin ? "admin" : "user" });
      return { id: user.id, email: user.email };
    }),
  setDisabled: instanceAdmin.input(z.object({ email, disabled: z.boolean() })).mutation(async ({ ctx, input }) => {
    await setUserDisabled(ctx.app, ctx.actor, input);
  }),
  setAdmin: instanceAdmin.input(z.object({ email, admin: z.boolean() })).mutation(async ({ ctx, input }) => {
    await setSiteAdmin(ctx.app, ctx.actor, input);
  }),
});
