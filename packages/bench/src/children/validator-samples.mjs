// One valid sample of each schema the validators' benchmarks run, and the validator of each side:
// the precompiled one ("ours") or ajv compiling the same schema at run time ("runtime").
import { runtimeAjv } from "./runtime-ajv.mjs";

export const samples = {
  ExperienceUser: {
    id: "58b9d782cbfafe1be675744d",
    experienceUserId: "58b9d782cbfafe1be675744d",
    applicationId: "575ec8687ae143cd83dc4a97",
    creationDate: "2016-06-13T04:00:00.000Z",
    lastUpdated: "2016-06-13T04:00:00.000Z",
    passwordLastUpdated: "2016-06-13T04:00:00.000Z",
    lastLogin: "2016-06-13T04:00:00.000Z",
    email: "experienceuser@example.com",
    firstName: "Example",
    lastName: "Name",
    avatarUrl: "https://example.avatar.url/is_here.png",
    userTags: { customKey: "customValue" },
    experienceGroups: [{ id: "575ec8687ae143cd83dc4a97", name: "Team", parentId: null }],
  },
  ExperienceUserPost: {
    email: "experienceuser@example.com",
    firstName: "Example",
    lastName: "Name",
    password: "aUserPassword",
    userTags: { customKey: "customValue" },
  },
  AdvancedExperienceUserQuery: {
    $and: [
      {
        $or: [
          { email: { $endsWith: "@example.com", $ci: true } },
          { firstName: { $in: ["Ada", "Bob"] } },
        ],
      },
      { $nor: [{ userTags: { $tagKey: "banned" } }] },
      { creationDate: { $gte: "2020-01-01T00:00:00.000Z" }, experienceGroupId: { $ne: null } },
      { userTags: { team: { $in: ["blue", "red"] } } },
    ],
  },
};

/** The `is` function of the precompiled validator, or ajv's compiled function, for `name`. */
export async function validatorOf(side, name) {
  if (side === "ours") {
    const { schemaValidators } = await import("@experience-users/validators");
    return schemaValidators[name].is;
  }
  const { ajv } = await runtimeAjv();
  return ajv.getSchema(`experience-users#/$defs/${name}`);
}
