// The main journeys by keyboard alone, with JavaScript on and off: a skip link
// that works, focus always visible, no traps; and the map and the charts read as
// text (what a screen reader gets instead of the pictures).
import { test, expect, Page } from "@playwright/test";
import { PASSWORD, enterCode, ready } from "./helpers";

/// What has the focus: its tag, id, address or text, and whether a person can see
/// that it has it (an outline or a ring of shadow, on a box that is on the screen).
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      href: el.getAttribute("href") ?? "",
      text: (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 60),
      visible: ring && r.width > 1 && r.height > 1,
    };
  });
}

/// Presses Tab until `wanted` has the focus (at most `limit` times), checking on
/// the way that every stop shows its focus.
async function tabTo(page: Page, wanted: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean, limit = 150) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (!f) continue;
    expect(f.visible, `the focus on ${f.tag} "${f.text}" (${f.href}) can be seen`).toBe(true);
    if (wanted(f)) return f;
  }
  throw new Error("never reached by Tab");
}

test("a jobseeker finds a vacancy and signs in by keyboard alone", async ({ page }, testInfo) => {
  await page.goto("/");
  await ready(page, testInfo);
  // The first stop is the skip link, shown when it has the focus; it moves the focus to the content.
  await page.keyboard.press("Tab");
  const skip = await focused(page);
  expect(skip?.href).toBe("#main-content");
  expect(skip?.visible).toBe(true);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main-content");

  // Search from the front page, then open a result.
  await tabTo(page, (f) => f.id === "q");
  await page.keyboard.type("pædagog");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/job\?/);
  await ready(page, testInfo);
  await tabTo(page, (f) => /^\/job\/\d+$/.test(f.href));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/job\/\d+$/);

  // Sign in: the link in the header, the form, and Min side.
  await ready(page, testInfo);
  await tabTo(page, (f) => f.href === "/log-ind");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/log-ind/);
  await ready(page, testInfo);
  await tabTo(page, (f) => f.tag === "input" && f.id.includes("email"));
  await page.keyboard.type("borger@demo.example");
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/min-side$/);
});

test("no page traps the focus: Tab goes through it and out", async ({ page }, testInfo) => {
  for (const address of ["/", "/job?q=p%C3%A6dagog&naer=8000&km=50", "/opret/borger", "/log-ind"]) {
    await page.goto(address);
    await ready(page, testInfo);
    const seen = new Set<string>();
    let left = false;
    for (let i = 0; i < 400 && !left; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (!f) {
        // Past the last stop the browser's own controls have the focus: out of the page.
        left = seen.size > 0;
        continue;
      }
      expect(f.visible, `${address}: the focus on ${f.tag} "${f.text}" can be seen`).toBe(true);
      const key = `${f.tag}|${f.id}|${f.href}|${f.text}`;
      if (seen.has(key) && f.href === "#main-content") left = true;
      seen.add(key);
    }
    expect(left, `${address}: Tab leaves the page after ${seen.size} stops`).toBe(true);
  }
});

test("the map and the charts can be read as text", async ({ page }) => {
  // Each pin on the map is a link named by its vacancy, and the list beside it has them all.
  await page.goto("/job?q=p%C3%A6dagog&naer=8000&km=50");
  const map = page.locator(".result-map");
  await expect(map.locator("figcaption")).toContainText("8000 Aarhus C");
  const pins = await map.locator("a.map-pin").evaluateAll((links) => links.map((a) => a.getAttribute("aria-label") ?? ""));
  expect(pins.length).toBeGreaterThan(0);
  const listed = await page.locator("main a[href^='/job/']:not(.map-pin)").allTextContents();
  for (const pin of pins) {
    const title = pin.split(",")[0];
    expect(listed.some((l) => l.includes(title)), `the pin "${pin}" is in the list`).toBe(true);
  }

  // Each chart of the caseworker's overview is a table with a row per bar.
  await page.goto("/log-ind");
  await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill("jobkonsulent.aarhus@demo.example");
  await page.getByLabel("Adgangskode").fill(PASSWORD);
  await page.getByRole("button", { name: "Log ind" }).click();
  await enterCode(page);
  await page.goto("/jobcenter/overblik");
  const charts = page.locator("figure.chart");
  await expect(charts.first()).toBeVisible();
  for (const chart of await charts.all()) {
    const title = (await chart.locator("figcaption").textContent())?.trim() ?? "";
    const bars = await chart.locator("svg rect.chart-bar").count();
    const table = page.getByRole("table", { name: title });
    await expect(table).toHaveCount(1);
    await expect(table.locator("tbody tr")).toHaveCount(bars);
  }
});
