/** The spec's example application and user ids. */
export const APP = "575ec8687ae143cd83dc4a97";
export const USER_ID = "575ed78e7ae143cd83dc4aab";
const DATE = "2016-06-13T04:00:00.000Z";

/** An Experience User as the API answers it: every field it always sets. */
export function experienceUser(email = "a@example.com") {
  return {
    id: USER_ID,
    experienceUserId: USER_ID,
    applicationId: APP,
    email,
    creationDate: DATE,
    lastUpdated: DATE,
  };
}

/** A page of Experience Users as the API answers it. */
export function usersPage(items: object[], extra: object = {}) {
  return {
    items,
    count: items.length,
    totalCount: items.length,
    perPage: 100,
    page: 0,
    ...extra,
  };
}
