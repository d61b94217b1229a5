import type { OfflineBrowser } from "@experience-users/test-support";

/** The HTML of a browser test's page: a status line, a list of users, and the bundled `script`. */
export function usersPageHtml(script: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Experience users</title></head>
  <body>
    <p id="status">loading</p>
    <ul id="users"></ul>
    <script type="module" src="${script}"></script>
  </body>
</html>`;
}

/**
 * Collects the page's uncaught errors and console errors from now on. The browser logs the pages'
 * deliberate 401 as a failed resource; anything else is a problem.
 */
export function pageProblems(page: OfflineBrowser["page"]): readonly string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && !text.includes("status of 401")) problems.push(text);
  });
  return problems;
}
