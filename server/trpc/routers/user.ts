import { z } from "zod";
import { done, exact, strict } from "../../contracts/common";
import { createdUser, createUserInput, peopleList, userAdminInput, userDisabledInput } from "../../contracts/user";
import { createUser, listPeople, setSiteAdmin, setUserDisabled } from "../../services/users";
import { procedureFor, router } from "../init";

const instanceAdmin = procedureFor("admin", "instance");

export const userRouter = router({
  list: instanceAdmin
    .input(z.void())
    .output(exact<Awaited<ReturnType<typeof listPeople>>>()(peopleList))
    .query(({ ctx }) => listPeople(ctx.app)),
  create: instanceAdmin
    .input(strict(createUserInput))
    .output(createdUser)
    .mutation(async ({ ctx, input }) => {
      const user = await createUser(ctx.app, ctx.actor, { ...input, siteRole: input.siteAdmin ? "admin" : "user" });
      return { id: user.id, email: user.email };
    }),
  setDisabled: instanceAdmin
    .input(strict(userDisabledInput))
    .output(done)
    .mutation(async ({ ctx, input }) => {
      await setUserDisabled(ctx.app, ctx.actor, input);
    }),
  setAdmin: instanceAdmin
    .input(strict(userAdminInput))
    .output(done)
    .mutation(async ({ ctx, input }) => {
      await setSiteAdmin(ctx.app, ctx.actor, input);
    }),
});
