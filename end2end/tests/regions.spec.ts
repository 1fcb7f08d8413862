import { test, expect, Page } from "@playwright/test";

// Runs against a second server whose clock starts on 4 January 2027 (.ci/e2e), with
// JavaScript on and off: the regions after Region Hovedstaden and Region Sjælland
// became Region Østdanmark.

async function ready(page: Page, javaScriptEnabled: boolean | undefined) {
  if (javaScriptEnabled !== false) {
    await page.locator("body[data-hydrated=true]").waitFor({ state: "attached", timeout: 30_000 });
  }
}

function regionBox(page: Page, name: string) {
  return page.getByRole("group", { name: "Region" }).getByRole("checkbox", { name: new RegExp(`^${name} \\(\\d+\\)$`) });
}

test("a search filtered by region after 1 January 2027", async ({ page, javaScriptEnabled }) => {
  await page.goto("/job?q=p%C3%A6dagog");
  await ready(page, javaScriptEnabled);
  await page.locator(".search-filters summary").click();
  const regions = page.getByRole("group", { name: "Region" });
  await expect(regions.getByRole("checkbox")).toHaveCount(4);
  await expect(regionBox(page, "Region Sjælland")).toHaveCount(0);
  await expect(regionBox(page, "Region Hovedstaden")).toHaveCount(0);

  const east = regionBox(page, "Region Østdanmark");
  const label = (await regions.locator("label", { hasText: "Region Østdanmark" }).textContent()) ?? "";
  const expected = Number(/\((\d+)\)/.exec(label)?.[1]);
  expect(expected).toBeGreaterThan(0);
  await east.check();
  await page.getByRole("button", { name: "Søg" }).first().click();
  await expect(page).toHaveURL(/region=%C3%98stdanmark/);
  await expect(regionBox(page, "Region Østdanmark")).toBeChecked();
  await expect(page.locator(".result-count")).toContainText(String(expected));
});

test("an old address for Region Sjælland finds all of Region Østdanmark", async ({ page, javaScriptEnabled }) => {
  await page.goto("/job?region=%C3%98stdanmark");
  const count = (await page.locator(".result-count").textContent()) ?? "";
  await page.goto("/job?region=Sj%C3%A6lland");
  await ready(page, javaScriptEnabled);
  await expect(page.locator(".result-count")).toHaveText(count);
  await expect(regionBox(page, "Region Østdanmark")).toBeChecked();
});
