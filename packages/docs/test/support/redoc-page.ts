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
      .waitFor({ state: "visible", timeout: 2_000 })
      .then(
        () => true,
        () => false,
      );
    if (!shown) missing.push(String(text));
  }
  return missing;
}
