// Fresh process: validations per CPU second of one schema, with the precompiled validators ("ours")
// or with ajv compiling the same schema at run time ("runtime"), after a warm-up.
import { runtimeAjv } from "./runtime-ajv.mjs";

const [side, name, ms] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const samples = {
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

let validate;
if (side === "ours") {
  const { schemaValidators } = await import("@experience-users/validators");
  validate = schemaValidators[name].is;
} else {
  const { ajv } = await runtimeAjv();
  validate = ajv.getSchema(`experience-users#/$defs/${name}`);
}
const data = samples[name];
if (!validate(data)) throw new Error(`${name} sample is not valid`);
const run = (until) => {
  let n = 0;
  while (performance.now() < until) {
    for (let i = 0; i < 1000; i++) validate(data);
    n += 1000;
  }
  return n;
};
run(performance.now() + 300);
// CPU time of this process (its GC threads included), not wall time: on a shared machine the
// wall clock also counts the time other processes hold the core.
const cpu = process.cpuUsage();
const n = run(performance.now() + ms);
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ perSecond: (n * 1e6) / (user + system) }));
