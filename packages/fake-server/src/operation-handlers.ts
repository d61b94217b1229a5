import type { OperationId, OperationRequest, SuccessBody } from "@experience-users/spec";
import { pageJson, pageValue, selectPage } from "./list/list-users.js";
import { RenderedJson } from "./rendered-json.js";
import type { FakeStore } from "./store/fake-store.js";

/** What answers each operation once its request is authenticated, decoded and valid. */
export type OperationHandlers = {
  [Op in OperationId]: (
    request: OperationRequest<Op>,
  ) => Answered<SuccessBody<Op>> | Promise<Answered<SuccessBody<Op>>>;
};

/** A body, or the same body already rendered as JSON. */
type Answered<T> = T | RenderedJson<T>;

/**
 * The five operations, each one call into the store; a list and a get are answered from rendered
 * JSON.
 */
export function createOperationHandlers(store: FakeStore): OperationHandlers {
  return {
    listExperienceUsers: ({ path, query }) => {
      const page = selectPage(store.application(path.applicationId), query ?? {});
      return new RenderedJson(pageJson(page), () => pageValue(page));
    },
    createExperienceUser: ({ path, body }) => store.createUser(path.applicationId, body),
    getExperienceUser: ({ path }) => store.renderedUser(path.applicationId, path.experienceUserId),
    updateExperienceUser: ({ path, body }) =>
      store.updateUser(path.applicationId, path.experienceUserId, body),
    deleteExperienceUser: ({ path }) => {
      store.deleteUser(path.applicationId, path.experienceUserId);
      return { success: true };
    },
  };
}
