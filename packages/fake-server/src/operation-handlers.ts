import type { OperationId, OperationRequest, SuccessBody } from "@experience-users/spec";
import { listUsers } from "./list/list-users.js";
import type { FakeStore } from "./store/fake-store.js";

/** What answers each operation once its request is authenticated, decoded and valid. */
export type OperationHandlers = {
  [Op in OperationId]: (
    request: OperationRequest<Op>,
  ) => SuccessBody<Op> | Promise<SuccessBody<Op>>;
};

/** The five operations, each one call into the store. */
export function createOperationHandlers(store: FakeStore): OperationHandlers {
  return {
    listExperienceUsers: ({ path, query }) =>
      listUsers(store.application(path.applicationId), query ?? {}),
    createExperienceUser: ({ path, body }) => store.createUser(path.applicationId, body),
    getExperienceUser: ({ path }) => store.getUser(path.applicationId, path.experienceUserId),
    updateExperienceUser: ({ path, body }) =>
      store.updateUser(path.applicationId, path.experienceUserId, body),
    deleteExperienceUser: ({ path }) => {
      store.deleteUser(path.applicationId, path.experienceUserId);
      return { success: true };
    },
  };
}
