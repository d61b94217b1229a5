// The page of the Chromium test, bundled by esbuild for the browser: front-end code that knows
// nothing of the fake calls the API at its real address; MSW's service worker answers it through
// the fake.
import { createClient } from "@experience-users/client";
import { createFakeServer, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import { API_BASE_URL, createHandlers } from "@experience-users/fake-server/msw";
import { setupWorker } from "msw/browser";

const status = document.querySelector("#status") as HTMLElement;
const list = document.querySelector("#users") as HTMLElement;

async function showUsers(): Promise<void> {
  const fake = createFakeServer({ validateResponses: true });
  const worker = setupWorker(...createHandlers(fake));
  await worker.start({ onUnhandledRequest: "error", quiet: true });

  const client = createClient({ token: fake.token });
  const applicationId = EXAMPLE_APPLICATION_ID;
  for (const email of ["grace@example.com", "ada@example.com"]) {
    await client.users.create({ applicationId }, { email, password: "correct horse" });
  }
  const page = await client.users.list({ applicationId, sortField: "email" });
  for (const user of page.items) {
    const item = document.createElement("li");
    item.textContent = user.email;
    list.append(item);
  }
  const anonymous = await fetch(`${API_BASE_URL}/applications/${applicationId}/experience/users`);
  status.dataset.anonymous = String(anonymous.status);
  status.dataset.faults = String(fake.faults.length);
  status.textContent = `${page.totalCount} users`;
}

showUsers().catch((error: unknown) => {
  status.textContent = `failed: ${error instanceof Error ? error.message : String(error)}`;
});
