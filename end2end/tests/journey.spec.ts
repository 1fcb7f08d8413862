import { test, expect, Page } from "@playwright/test";
import { fillDate, isoDaysAhead, ready, SHORT, unique, untilShown, withJavaScript } from "./helpers";

// Runs twice: with JavaScript (hydrated) and without (plain form posts).

/** Opens the vacancy form as the demo employer: asked to sign in, then sent back. */
async function openVacancyFormAsEmployer(page: Page) {
  await page.goto("/arbejdsgiver/stillinger/ny");
  await expect(page).toHaveURL(/\/log-ind\?neste=/);
  await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill("arbejdsgiver@demo.example");
  await page.getByLabel("Adgangskode").fill("demo-jobunivers-2026");
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page).toHaveURL(/\/arbejdsgiver\/stillinger\/ny$/);
}

test("the front page is Danish and leads to the search", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find dit næste job");
  await ready(page, testInfo);
  await page.getByLabel("Søg efter stilling, arbejdsgiver eller by").fill("pædagog");
  await page.getByRole("button", { name: "Søg" }).click();
  await expect(page).toHaveURL(/\/job\?q=p%C3%A6dagog/);
  await expect(page.locator(".result-count")).toContainText("stilling");
  const titles = await page.locator(".result-title").allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  for (const t of titles) expect(t.toLowerCase()).toContain("pædagog");
});

test("plural search finds the singular (stemming), with paging", async ({ page }) => {
  await page.goto("/job?q=sygeplejersker");
  const titles = await page.locator(".result-title").allTextContents();
  expect(titles.some((t) => t.includes("Sygeplejerske"))).toBeTruthy();
  await page.goto("/job");
  await page.getByRole("link", { name: "Næste" }).click();
  await expect(page).toHaveURL(/side=2/);
  const current = page.getByRole("navigation", { name: "Sider med søgeresultater" }).locator("[aria-current=page]");
  await expect(current).toHaveText("2");
  await expect(current).toHaveAccessibleName(/^Side 2 af \d+$/);
  // A number goes straight to its page.
  await page.getByRole("link", { name: "Side 1 af", exact: false }).first().click();
  await expect(page).toHaveURL(/\/job(\?side=1)?$/);
});

test("an employer posts a vacancy, fixes errors, and finds it by search", async ({ page }, testInfo) => {
  const word = `Havnefoged${unique()}`;
  await openVacancyFormAsEmployer(page);
  await ready(page, testInfo);

  // First attempt: a wrong postcode and no title. Nothing typed is lost.
  await page.getByLabel("Arbejdsgiverens navn").fill("Marstal Havn");
  await page.getByLabel("Beskrivelse af stillingen").fill(
    "Vi søger en havnefoged, der kan tage sig af sejlere, broer og bådpladser i Marstal.",
  );
  await page.getByLabel("Postnummer").fill("59");
  await page.getByRole("textbox", { name: "By (skal udfyldes)", exact: true }).fill("Marstal");
  await page.getByLabel("Kommune, hvor arbejdet er").selectOption({ label: "Ærø Kommune" });
  await page.getByLabel("Timer pr. uge").fill("37");
  await fillDate(page, "Ansøgningsfrist", isoDaysAhead(21));
  await page.getByLabel("Sådan søger man").fill("havn@marstal.example");
  await page.getByRole("button", { name: "Opret stillingen" }).click();

  const summary = page.locator("#error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Skriv stillingsbetegnelsen.");
  await expect(page.locator("#field-postcode-error")).toContainText("Et postnummer består af 4 cifre");
  await expect(page.getByLabel("Postnummer")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Arbejdsgiverens navn")).toHaveValue("Marstal Havn");
  await expect(page.getByLabel("Beskrivelse af stillingen")).toHaveValue(/sejlere, broer/);

  // Fixed: the vacancy is created and shown.
  await ready(page, testInfo);
  await page.getByLabel("Stillingsbetegnelse").fill(word);
  await page.getByLabel("Postnummer").fill("5960");
  await page.getByRole("button", { name: "Opret stillingen" }).click();
  await expect(page).toHaveURL(/\/job\/\d+\?oprettet=1/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(word);
  await expect(page.getByText("Stillingen er oprettet")).toBeVisible();

  // Searchable at once (the indexer commits about every half second).
  await untilShown(page, `/job?q=${encodeURIComponent(word)}`, () => expect(page.locator(".result-title")).toHaveText([word], SHORT));
  await page.getByRole("link", { name: word }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(word);

  // And it is listed on the employer's own page, which shows only their company's.
  await page.goto("/arbejdsgiver");
  await expect(page.locator(".employer-vacancies")).toContainText(word);
});

test("the language switch turns the site English and stays", async ({ page }, testInfo) => {
  await page.goto("/job?q=kok");
  await ready(page, testInfo);
  await page.getByRole("link", { name: "English – skift til engelsk" }).click();
  await expect(page).toHaveURL(/\/job\?q=kok/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find a job");
  await page.goto("/log-ind");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.getByRole("link", { name: "Dansk – switch to Danish" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
});

test("hydrated forms check a field as soon as it is left", async ({ page }, testInfo) => {
  test.skip(!withJavaScript(testInfo), "needs JavaScript");
  await openVacancyFormAsEmployer(page);
  await ready(page, testInfo);
  await page.getByLabel("Timer pr. uge").fill("99");
  await page.getByLabel("Timer pr. uge").blur();
  await expect(page.locator("#field-weekly_hours-error")).toContainText("mellem 1 og 48");
  await page.getByLabel("Timer pr. uge").fill("37");
  await expect(page.locator("#field-weekly_hours-error")).toHaveCount(0);
});

test("search narrows by region, radius and working hours, sorts by distance, and keeps it all in the address", async ({ page }) => {
  await page.goto("/job?q=p%C3%A6dagog");
  const count = page.locator(".result-count");
  const everywhere = await count.textContent();
  await page.locator(".search-filters summary").click();
  await page.getByRole("group", { name: "Region" }).getByLabel(/Midtjylland/).check();
  await page.getByRole("group", { name: "Arbejdstid" }).getByLabel(/Fuldtid/).check();
  await page.getByLabel("Nær ved").fill("8000");
  await page.getByLabel("Inden for").selectOption("100");
  await page.getByLabel("Sortér efter").selectOption({ label: "Afstand" });
  await page.getByRole("button", { name: "Vis job" }).click();
  await expect(page).toHaveURL(/region=Midtjylland/);
  await expect(page).toHaveURL(/naer=8000/);
  await expect(page).toHaveURL(/tid=fuldtid/);
  await expect(page).toHaveURL(/km=100/);
  await expect(page).toHaveURL(/sorter=afstand/);
  await expect(count).toContainText("inden for 100 km af 8000 Aarhus C");
  expect(await count.textContent()).not.toBe(everywhere);
  const distances = await page.locator(".result-distance").allTextContents();
  expect(distances.length).toBeGreaterThan(0);
  const km = distances.map((d) => Number(d.replace(/[^0-9]/g, "")));
  expect(km).toEqual([...km].sort((a, b) => a - b));
  expect(Math.max(...km)).toBeLessThanOrEqual(100);
  // The address alone gives the same page.
  const url = page.url();
  await page.goto(url);
  await expect(count).toContainText("inden for 100 km af 8000 Aarhus C");
  await expect(page.getByRole("group", { name: "Region" }).getByLabel(/Midtjylland/)).toBeChecked();
  await page.locator(".result-title a").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pædagog");
});

test("a place that does not exist is refused at the field, and the search still answers", async ({ page }) => {
  await page.goto("/job?q=p%C3%A6dagog&naer=Atlantis");
  const field = page.getByLabel("Nær ved");
  await expect(field).toHaveValue("Atlantis");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#field-naer-error")).toContainText("Vi kender ikke det sted");
  await expect(page.locator(".result-count")).not.toContainText("inden for");
  await expect(page.locator(".result-item").first()).toBeVisible();
  // A town name is enough.
  await field.fill("Viby J");
  await page.getByRole("button", { name: "Vis job" }).click();
  await expect(page.locator(".result-count")).toContainText("inden for 50 km af 8260 Viby J");
});
