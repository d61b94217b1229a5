import type { Locator, Page } from "playwright-core";

/**
 * Opens an operation as a reader does (Redoc renders one section at a time): its tag in the
 * sidebar when the tag is still collapsed, then the sidebar entry with the operation's summary.
 * Resolves with the operation's section of the page once its heading is visible.
 */
export async function openOperation(
  page: Page,
  operation: { summary: string; tag: string },
): Promise<Locator> {
  const entry = page.getByRole("link", { name: operation.summary }).first();
  if (!(await entry.isVisible())) {
    await page.getByRole("link", { name: operation.tag, exact: true }).first().click();
  }
  await entry.click();
  // Matched on the text: the heading's accessible name also holds its anchor's "link to ...".
  const heading = page.getByRole("heading").filter({ hasText: wholeText(operation.summary) });
  await heading.waitFor({ state: "visible" });
  return page.locator("[data-section-id]").filter({ has: heading }).last();
}

/** A pattern that matches exactly `text`. */
export function wholeText(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

/** The entries of `texts` that no visible element inside `scope` shows (strings match exactly). */
export async function missingTexts(
  scope: Locator,
  texts: readonly (string | RegExp)[],
): Promise<string[]> {
  const missing: string[] = [];
  for (const text of texts) {
    const visible = scope.getByText(text, { exact: true }).filter({ visible: true });
    const shown = await visible
      .first()
      .waitFor({ state: "visible", timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    if (!shown) missing.push(String(text));
  }
  return missing;
}

/**
 * Opens an entry the sidebar lists under a tag (a guide's section, a schema), as a reader does:
 * the tag when the entry is not shown yet, then the entry inside the tag's group (an entry may
 * share its name with another tag, as the Experience Users schema does); `entry` equal to `tag`
 * opens the tag itself. Resolves with the entry's section once its heading is visible.
 */
export async function openSidebarEntry(page: Page, tag: string, entry: string): Promise<Locator> {
  const tagLink = page.getByRole("link", { name: tag, exact: true }).first();
  const group = page.locator(MENU_ITEM).filter({ has: tagLink }).last();
  const link =
    entry === tag
      ? tagLink
      : group.locator(MENU_ITEM).getByRole("link", { name: entry, exact: true }).first();
  if (!(await link.isVisible())) await tagLink.click();
  await link.click();
  const heading = page.getByRole("heading").filter({ hasText: wholeText(entry) });
  await heading.last().waitFor({ state: "visible" });
  return page.locator("[data-section-id]").filter({ has: heading }).last();
}

const MENU_ITEM = '[data-component-name="Menu/MenuItem"]';

/**
 * Picks `label` in an operation's request sample panel (Redoc 3 shows one language at a time,
 * chosen from a dropdown whose button shows the current one, any of `labels`) and resolves with
 * the code the panel then shows.
 */
export async function showSample(
  section: Locator,
  label: string,
  labels: readonly string[],
): Promise<string> {
  const current = new RegExp(
    `^(${labels.map((l) => wholeText(l).source.slice(1, -1)).join("|")})$`,
  );
  const picker = section.locator("button[aria-haspopup=menu]").filter({ hasText: current }).first();
  await picker.click();
  // The open dropdown's menu is rendered at the end of the body, not inside the section.
  await section.page().getByRole("menuitem", { name: label, exact: true }).click();
  await section
    .locator("button[aria-haspopup=menu]")
    .filter({ hasText: wholeText(label) })
    .first()
    .waitFor({ state: "visible" });
  return (await section.locator("pre[data-testid=source-code]").first().textContent()) ?? "";
}
