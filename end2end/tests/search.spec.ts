import { test, expect } from "@playwright/test";
import { ready } from "./helpers";

// Search as people type it, with and without JavaScript, on the demo data.

test("a search in English finds Danish vacancies", async ({ page }, testInfo) => {
  await page.goto("/job");
  await ready(page, testInfo);
  await page.getByLabel("Søg efter stilling, arbejdsgiver eller by").fill("nurse");
  await page.getByRole("button", { name: "Søg" }).first().click();
  await expect(page).toHaveURL(/\/job\?q=nurse/);
  const titles = await page.locator(".result-title").allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  for (const t of titles) expect(t.toLowerCase()).toContain("sygeplejerske");
});

test("Danish letters typed plainly and short forms find what they mean", async ({ page }) => {
  await page.goto("/job?q=padagog");
  const plain = await page.locator(".result-title").allTextContents();
  expect(plain.length).toBeGreaterThan(0);
  expect(plain.some((t) => t.toLowerCase().includes("pædagog"))).toBeTruthy();
  await page.goto("/job?q=SSA");
  const short = await page.locator(".result-title").allTextContents();
  expect(short.length).toBeGreaterThan(0);
  for (const t of short) expect(t.toLowerCase()).toMatch(/social- og sundhedsassistent|sosu/);
});

test("a search that finds nothing says so and offers what was probably meant", async ({ page }) => {
  await page.goto("/job?q=" + "x".repeat(60));
  await expect(page.locator(".result-count")).toContainText("0");
  await expect(page.getByText("Ingen stillinger matcher din søgning")).toBeVisible();
  await page.goto("/job?q=kko");
  await expect(page.getByText("Ingen stillinger matcher din søgning")).toBeVisible();
  const meant = page.locator(".did-you-mean a");
  await expect(meant).toHaveText("kok");
  await meant.click();
  await expect(page).toHaveURL(/q=kok/);
  expect((await page.locator(".result-title").allTextContents()).length).toBeGreaterThan(0);
});

test("a radius search shows Denmark's coast on the map, with the results as pins", async ({ page }) => {
  await page.goto("/job?q=p%C3%A6dagog&naer=8000&km=50");
  const map = page.locator(".result-map");
  await expect(map).toBeVisible();
  const coast = map.locator("path.map-land");
  await expect(coast).toHaveCount(1);
  const d = (await coast.getAttribute("d")) ?? "";
  expect(d.startsWith("M")).toBeTruthy();
  expect((d.match(/M/g) ?? []).length).toBeGreaterThanOrEqual(10);
  const box = await coast.boundingBox();
  expect(box && box.width > 100 && box.height > 100).toBeTruthy();
  expect(await map.locator("a.map-pin").count()).toBeGreaterThan(0);
  await expect(map.locator("figcaption")).toContainText("inden for 50 km af 8000 Aarhus C");
});
