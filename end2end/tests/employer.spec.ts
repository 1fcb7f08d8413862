import { test, expect, Page } from "@playwright/test";
import { expectDate, fillDate, isoDaysAhead, postVacancy, ready, SHORT, signIn, signOut, unique, untilShown } from "./helpers";

// An employer runs a vacancy over its life, with and without JavaScript: posts it,
// edits it, extends its deadline and closes it as filled; the search follows each
// step, the history says who did what, and a closed vacancy can be posted again.

async function searchFinds(page: Page, word: string, count: number) {
  await untilShown(page, `/job?q=${encodeURIComponent(word)}`, () => expect(page.locator(".result-title")).toHaveCount(count, SHORT));
}

test("an employer edits, extends and closes a vacancy, and the search follows", async ({ page }, testInfo) => {
  const word = `Skibsbygger${unique()}`;
  const edited = `Skibstømrer${unique()}`;
  await signIn(page, "arbejdsgiver@demo.example");

  // Posted.
  await postVacancy(page, testInfo, word, "Vi søger en bådebygger til vedligehold af træskibe i Marstal havn.");
  await searchFinds(page, word, 1);

  // Opened from the company's list of open vacancies.
  await page.goto("/arbejdsgiver");
  await expect(page.getByRole("link", { name: /^Åbne \(\d+\)$/ })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: word }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(word);
  const manage = page.url();
  // How it does: the chart says where its numbers are, and the table has them.
  await expect(page.getByRole("img", { name: /tallene står i tabellen/ })).toBeVisible();
  await expect(page.locator(".vacancy-stats-table tfoot")).toContainText("I alt");
  await expect(page.locator(".vacancy-stats-table tbody tr")).toHaveCount(1);

  // Edited: the search finds the new title, not the old.
  await page.getByRole("link", { name: "Ret opslaget" }).click();
  await ready(page, testInfo);
  await expect(page.getByLabel("Stillingsbetegnelse")).toHaveValue(word);
  await page.getByLabel("Stillingsbetegnelse").fill(edited);
  await page.getByRole("button", { name: "Gem ændringerne" }).click();
  await expect(page).toHaveURL(/\?gemt=ret$/);
  await expect(page.getByRole("status")).toContainText("Ændringerne er gemt");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(edited);
  await searchFinds(page, edited, 1);
  await searchFinds(page, word, 0);

  // Extended: an earlier date is refused at the field, a later one accepted.
  await page.goto(manage);
  await ready(page, testInfo);
  await fillDate(page, "Ny ansøgningsfrist", isoDaysAhead(7));
  await page.getByRole("button", { name: "Forlæng fristen" }).click();
  await expect(page.locator("#field-deadline-error")).toContainText("Den nye frist skal ligge efter den nuværende");
  await fillDate(page, "Ny ansøgningsfrist", isoDaysAhead(40));
  await page.getByRole("button", { name: "Forlæng fristen" }).click();
  await expect(page.getByRole("status")).toContainText("Fristen er forlænget");

  // Closed as filled: gone from the search, listed among the closed, with its history.
  await page.getByLabel("Stillingen er besat").check();
  await page.getByRole("button", { name: "Luk opslaget" }).click();
  await expect(page.getByRole("status")).toContainText("Opslaget er lukket");
  const history = page.locator(".vacancy-history tbody tr");
  await expect(history).toHaveCount(4);
  await expect(history.first()).toContainText("Lukket: Stillingen er besat");
  await expect(history.first()).toContainText("Peter Holm");
  await expect(history.last()).toContainText("Slået op");
  await searchFinds(page, edited, 0);
  await page.goto("/arbejdsgiver?vis=lukkede");
  await expect(page.getByRole("link", { name: edited })).toBeVisible();

  // Posted again as new: the form comes filled in, without a deadline.
  await page.getByRole("link", { name: edited }).click();
  await page.getByRole("link", { name: "Slå op igen som nyt opslag" }).click();
  await expect(page.getByLabel("Stillingsbetegnelse")).toHaveValue(edited);
  await expectDate(page, "Ansøgningsfrist", "");
});

test("a jobseeker reports a vacancy and an administrator hides it", async ({ page }, testInfo) => {
  const word = `Lagerchef${unique()}`;
  // An employer posts it.
  await signIn(page, "arbejdsgiver@demo.example");
  const vacancy = await postVacancy(page, testInfo, word, "Vi søger en lagerchef. Send 500 kr. for at få din ansøgning behandlet.");
  await signOut(page);

  // A jobseeker reports it: the reason is asked for first.
  await signIn(page, "borger@demo.example");
  await page.goto(vacancy);
  await page.getByRole("link", { name: "Anmeld opslaget" }).click();
  await ready(page, testInfo);
  await page.getByRole("button", { name: "Send anmeldelsen" }).click();
  await expect(page.locator("#error-summary")).toBeVisible();
  await page.getByLabel("Svindel eller forsøg på at få penge eller oplysninger").check();
  await page.getByLabel("Uddyb gerne (valgfri)").fill("De beder om 500 kr.");
  await page.getByRole("button", { name: "Send anmeldelsen" }).click();
  await expect(page).toHaveURL(new RegExp(`${vacancy}\\?anmeldt=1$`));
  await expect(page.getByRole("status")).toContainText("Din anmeldelse er modtaget");
  await signOut(page);

  // An administrator hides it with a note to the employer; it leaves search.
  await signIn(page, "admin@demo.example");
  await page.goto("/admin/anmeldelser");
  await ready(page, testInfo);
  const item = page.locator(".reported-vacancy", { hasText: word });
  await expect(item).toContainText("De beder om 500 kr.");
  await item.getByLabel("Besked til arbejdsgiveren om hvorfor").fill("Opslaget beder ansøgere om penge.");
  await item.getByRole("button", { name: "Skjul opslaget" }).click();
  await expect(page.getByRole("status")).toContainText("Anmeldelserne er behandlet");
  await expect(page.locator(".reported-vacancy", { hasText: word })).toHaveCount(0);
  await searchFinds(page, word, 0);
  await signOut(page);

  // The employer reads why on the vacancy's page.
  await signIn(page, "arbejdsgiver@demo.example");
  await page.goto("/arbejdsgiver?vis=lukkede");
  await page.getByRole("link", { name: word }).click();
  await expect(page.locator(".vacancy-facts")).toContainText("Skjult af Jobunivers");
  await expect(page.locator(".vacancy-history tbody tr").first()).toContainText("Opslaget beder ansøgere om penge.");
});

test("a colleague asks to join the company and its administrator approves them", async ({ page }, testInfo) => {
  const email = `kollega-${unique()}@firma.example`;
  const password = "fire blaa baade i havnen";
  // Signs up with the company's CVR number: the company exists, so they only ask to join.
  await page.goto("/opret/arbejdsgiver");
  await ready(page, testInfo);
  await page.getByLabel("Virksomhedens navn").fill("Marstal Havn");
  await page.getByLabel("CVR-nummer").fill("13748136");
  await page.getByLabel("Dit navn (kontaktperson)").fill("Karen Skov");
  await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill(email);
  await page.getByLabel("Vælg en adgangskode").fill(password);
  await page.getByRole("button", { name: "Opret" }).click();
  await expect(page).toHaveURL(/\/arbejdsgiver$/);
  await expect(page.getByRole("status")).toContainText("Virksomhedens administrator skal godkende dig");
  await expect(page.getByRole("link", { name: /^Åbne \(\d+\)$/ })).toHaveCount(0);
  await signOut(page);

  // The administrator sees them waiting and approves them.
  await signIn(page, "arbejdsgiver@demo.example");
  await page.goto("/arbejdsgiver/virksomhed");
  await ready(page, testInfo);
  const row = page.locator("tr", { hasText: email });
  await expect(row).toContainText("Venter på godkendelse");
  await row.getByRole("button", { name: /Godkend/ }).click();
  await expect(page.getByRole("status")).toContainText("Brugeren er godkendt.");
  await expect(page.locator("tr", { hasText: email })).toContainText("Bruger");
  await expect(page.locator("tr", { hasText: email }).getByRole("button", { name: /Godkend/ })).toHaveCount(0);
  await signOut(page);

  // Now they act for the company: its vacancies are theirs to see.
  await signIn(page, email, password);
  await page.goto("/arbejdsgiver");
  await expect(page.getByRole("link", { name: /^Åbne \(\d+\)$/ })).toHaveAttribute("aria-current", "page");
});

test("the employer's pages wear virk.dk's look and the citizen's borger.dk's", async ({ page }, testInfo) => {
  const theme = page.locator("link#theme");
  await signIn(page, "arbejdsgiver@demo.example");
  await page.goto("/arbejdsgiver");
  await ready(page, testInfo);
  await expect(theme).toHaveAttribute("href", /dkfds-virkdk/);
  // The header: the portal's logo, then this solution with the authority behind it.
  const logo = page.locator(".portal-info .logo");
  await expect(logo).toHaveAccessibleName("virk.dk");
  await expect(page.locator(".solution-heading")).toHaveText("Jobunivers");
  await expect(page.locator(".additional-info .authority-name")).toHaveText("Kommunernes jobcentre");
  // Across the boundary, with or without a page load, the look follows.
  await page.getByRole("navigation", { name: "Hovednavigation" }).getByRole("link", { name: "Find job" }).click();
  await expect(page).toHaveURL(/\/job$/);
  await expect(theme).toHaveAttribute("href", /dkfds-borgerdk/);
  await expect(logo).toHaveAccessibleName("borger.dk");
  await page.getByRole("navigation", { name: "Hovednavigation" }).getByRole("link", { name: "Til arbejdsgivere" }).click();
  await expect(page).toHaveURL(/\/arbejdsgiver\/stillinger\/ny$/);
  await expect(theme).toHaveAttribute("href", /dkfds-virkdk/);
});
