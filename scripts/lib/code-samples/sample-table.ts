/**
 * The one table of code samples: for each operation, the call each client makes. Everything else
 * a sample shows (base URL, path, ids, body) comes from the spec's own examples.
 */
export const sampleTable: Record<string, SampleRow> = {
  listExperienceUsers: { client: "list", losant: ["experienceUsers", "get"] },
  createExperienceUser: { client: "create", losant: ["experienceUsers", "post"] },
  getExperienceUser: { client: "get", losant: ["experienceUser", "get"] },
  updateExperienceUser: { client: "update", losant: ["experienceUser", "patch"] },
  deleteExperienceUser: { client: "delete", losant: ["experienceUser", "delete"] },
};

export interface SampleRow {
  /** The method of `@experience-users/client`'s `client.users`. */
  readonly client: "list" | "create" | "get" | "update" | "delete";
  /**
   * Resource and action of Losant's official clients: `api.<resource>.<action>` in losant-rest,
   * `client.<resource in snake_case>.<action>` in the Python client. Their body parameter is
   * `experienceUser`.
   */
  readonly losant: readonly [resource: string, action: string];
}

/** What every sample puts where the reader's token goes. */
export const TOKEN_PLACEHOLDER = "YOUR_API_ACCESS_TOKEN";

/** The name of the body argument in Losant's official clients, and of the body variable in every sample. */
export const LOSANT_BODY_PARAMETER = "experienceUser";
