import { test, expect } from "@playwright/test";
import { expectDate, fillDate, isoDaysAhead, letters, postVacancy, ready, signIn, signOut } from "./helpers";

// Virksomhedsservice, with and without JavaScript: the demo employer posts a
// vacancy in København and asks the jobcentre for help (a missing field is
// told first, and what was typed is kept); København's caseworker finds it in
// the business queue, takes it, writes back and suggests the demo jobseeker
// from the CV index; the employer reads the answer, opens the suggested CV and
// answers in turn.

test("a business task goes from the employer to the jobcentre and back", async ({ page }, testInfo) => {
  const title = `Pædagog til skovgruppen ${letters(8)}`;
  const fromJobcentre = `Vi har en god kandidat til jer ${letters(6)}`;
  const answer = `Tak, vi ringer til hende ${letters(6)}`;
  await signIn(page, "arbejdsgiver@demo.example");
  await postVacancy(page, testInfo, title, "Vi søger en pædagog til vores skovgruppe på Østerbro med naturformidling.", {
    postcode: "2100",
    city: "København Ø",
  });

  // Asked, after being told what was missing.
  await page.goto("/arbejdsgiver/jobcenter");
  await ready(page, testInfo);
  await page.getByRole("combobox", { name: "Stilling (skal udfyldes)" }).selectOption({ label: title });
  await fillDate(page, "Hvornår skal I bruge hjælpen?", isoDaysAhead(21));
  await page.getByRole("button", { name: "Send til jobcentret" }).click();
  await expect(page.locator("#error-summary")).toContainText("Skriv, hvad I har brug for.");
  await expectDate(page, "Hvornår skal I bruge hjælpen?", isoDaysAhead(21));
  await page.getByLabel("Hvad har I brug for?").fill("En pædagog med erfaring i naturformidling, gerne fra januar.");
  await page.getByRole("button", { name: "Send til jobcentret" }).click();
  await expect(page).toHaveURL(/\/arbejdsgiver\/jobcenter\/\d+\?gjort=request$/);
  await expect(page.locator(".alert-success")).toContainText("Jeres forespørgsel er sendt til jobcentret.");
  await expect(page.locator(".business-status")).toHaveText("Venter på jobcentret");
  const employerTask = new URL(page.url()).pathname;
  await signOut(page);

  // København's jobcentre takes it, writes, and suggests a candidate.
  await signIn(page, "jobkonsulent.kbh@demo.example");
  await page.getByRole("link", { name: "Virksomhedsservice" }).click();
  await expect(page).toHaveURL(/\/jobcenter\/virksomheder$/);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Rekruttering til ${title}`);
  await expect(page.locator(".business-facts")).toContainText("Marstal Havn ApS");
  await ready(page, testInfo);
  await page.getByRole("button", { name: "Tag opgaven" }).click();
  await expect(page.locator(".alert-success")).toContainText("Opgaven er din.");
  await expect(page.locator(".business-status")).toHaveText("Under behandling");
  await ready(page, testInfo);
  await page.getByLabel("Dit svar").fill(fromJobcentre);
  await page.getByRole("button", { name: "Send svaret" }).click();
  await expect(page.locator(".alert-success")).toContainText("Beskeden er sendt.");
  await expect(page.locator(".message-body").last()).toHaveText(fromJobcentre);
  await ready(page, testInfo);
  await page.getByLabel("Søg efter fag, uddannelse eller kompetence").fill("pædagog naturformidling");
  // The filters start open here: the search starts around the workplace.
  if ((await page.locator("details.search-filters[open]").count()) === 0) {
    await page.locator("summary", { hasText: "Afgræns og sortér" }).click();
  }
  await page.getByLabel(/Arbejdsstedet/).fill("2100");
  await page.getByLabel("Inden for").selectOption("10");
  await page.getByRole("button", { name: "Vis kandidater" }).click();
  await expect(page).toHaveURL(/\/jobcenter\/virksomheder\/\d+\?.*naer=2100/);
  await expect(page.locator(".business-candidates .result-count")).toHaveText(/^1 kandidat/);
  // The cards name no one.
  await expect(page.locator(".business-candidates")).not.toContainText("Mette");
  await ready(page, testInfo);
  await page.getByRole("button", { name: /^Foreslå til virksomheden/ }).click();
  await expect(page.locator(".alert-success")).toContainText("Kandidaten er foreslået");
  await expect(page.locator(".suggestion")).toContainText("Pædagog");
  await signOut(page);

  // The employer reads the answer, opens the suggested CV and answers.
  await signIn(page, "arbejdsgiver@demo.example");
  await page.goto("/arbejdsgiver/jobcenter");
  await expect(page.locator(".business-task", { hasText: title })).toContainText("1 ulæst besked");
  await expect(page.locator(".business-task", { hasText: title })).toContainText("Under behandling");
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${employerTask}$`));
  await expect(page.locator(".message-body").first()).toHaveText(fromJobcentre);
  await page.locator(".suggestion a").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mette Hansen");
  await page.goto(employerTask);
  await ready(page, testInfo);
  await page.getByLabel("Dit svar").fill(answer);
  await page.getByRole("button", { name: "Send svaret" }).click();
  await expect(page.locator(".alert-success")).toContainText("Beskeden er sendt.");
  await expect(page.locator(".message-body").last()).toHaveText(answer);
});
