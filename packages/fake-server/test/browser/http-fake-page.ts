// The page of the cross-origin Chromium test, bundled by esbuild for the browser: front-end code
// on its own origin calls the fake over HTTP on another one (as an app on a dev server calls
// `npm start`'s fake on :4020), with the client and with plain fetch.
import { createClient } from "@experience-users/client";

const status = document.querySelector("#status") as HTMLElement;
const list = document.querySelector("#users") as HTMLElement;

async function showUsers(): Promise<void> {
  const given = new URL(location.href).searchParams;
  const baseUrl = given.get("fake") ?? "";
  const applicationId = given.get("application") ?? "";
  const client = createClient({ token: given.get("token") ?? "", baseUrl });
  const created = await client.users.create(
    { applicationId },
    { email: "grace@example.com", password: "correct horse" },
  );
  await client.users.update(
    { applicationId, experienceUserId: created.id },
    { firstName: "Grace" },
  );
  const page = await client.users.list({ applicationId, filterField: "email", filter: "grace*" });
  for (const user of page.items) {
    const item = document.createElement("li");
    item.textContent = `${user.firstName} <${user.email}>`;
    list.append(item);
  }
  await client.users.delete({ applicationId, experienceUserId: created.id });
  const anonymous = await fetch(`${baseUrl}/applications/${applicationId}/experience/users`);
  status.dataset.anonymous = String(anonymous.status);
  status.dataset.anonymousType = ((await anonymous.json()) as { type: string }).type;
  status.textContent = `${page.totalCount} users`;
}

showUsers().catch((error: unknown) => {
  status.textContent = `failed: ${error instanceof Error ? error.message : String(error)}`;
});
