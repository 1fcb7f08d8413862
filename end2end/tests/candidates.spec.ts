import { test, expect } from "@playwright/test";
import { ready, SHORT, signIn, signOut, unique, untilShown } from "./helpers";

// Candidate search, with and without JavaScript: an employer finds the demo
// jobseeker (the one pædagog teaching nature, living in 2100) by occupation,
// skill and distance, opens the CV
// and writes about a vacancy; the jobseeker reads it, answers, and sees that the
// company opened the CV. Then she blocks the company, and it finds her no more.

test("an employer finds a candidate by occupation and distance, writes, and the citizen answers", async ({ page }, testInfo) => {
  const note = `Hej Mette, vil du høre om jobbet? ${unique()}`;
  const answer = `Ja tak, ring gerne ${unique()}`;
  await signIn(page, "arbejdsgiver@demo.example");
  await page.goto("/arbejdsgiver/kandidater");
  await ready(page, testInfo);
  await page.getByLabel("Søg efter fag, uddannelse eller kompetence").fill("pædagog naturformidling");
  await page.locator("summary", { hasText: "Afgræns og sortér" }).click();
  await page.getByLabel(/Arbejdsstedet/).fill("2100");
  await page.getByLabel("Inden for").selectOption("10");
  await page.getByRole("button", { name: "Vis kandidater" }).click();
  await expect(page).toHaveURL(/naer=2100/);
  await expect(page.locator(".result-count")).toHaveText(/^1 kandidat /);
  // The list names no one; the CV does.
  await expect(page.locator(".search-results")).not.toContainText("Mette");
  await page.locator(".result-title a").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mette Hansen");
  await ready(page, testInfo);
  await page.getByLabel("Om stillingen (valgfri)").selectOption({ index: 1 });
  await page.getByLabel("Besked").fill(note);
  await page.getByRole("button", { name: "Send beskeden" }).click();
  await expect(page).toHaveURL(/\/arbejdsgiver\/kontakter\/\d+\?sendt=1$/);
  await expect(page.locator(".message-body").last()).toHaveText(note);
  await signOut(page);

  await signIn(page, "borger@demo.example");
  await page.goto("/min-side/arbejdsgivere");
  await expect(page.locator(".thread-item").first()).toContainText("1 ulæste");
  await page.locator(".thread-item a").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samtale med Marstal Havn ApS");
  await expect(page.locator(".message-body").last()).toHaveText(note);
  await ready(page, testInfo);
  await page.getByLabel("Dit svar").fill(answer);
  await page.getByRole("button", { name: "Send svaret" }).click();
  await expect(page.getByRole("status")).toContainText("Beskeden er sendt.");
  await expect(page.locator(".message-body").last()).toHaveText(answer);
  await page.goto("/mine-data/adgang");
  await expect(page.locator(".access-log")).toContainText("Arbejdsgiver, Marstal Havn ApS");
  await expect(page.locator(".access-log")).toContainText("Rekruttering");
});

test("a jobseeker blocks a company and it no longer finds her", async ({ page }, testInfo) => {
  const search = "/arbejdsgiver/kandidater?q=p%C3%A6dagog+naturformidling&naer=2100&km=10";
  await signIn(page, "borger@demo.example");
  await page.goto("/min-side/synlighed");
  await ready(page, testInfo);
  await page.getByRole("textbox", { name: /CVR-nummer/ }).fill("13748136");
  await page.getByRole("button", { name: "Bloker virksomheden" }).click();
  await expect(page.getByRole("status")).toContainText("Dit valg er gemt.");
  await expect(page.locator(".blocked-list")).toContainText("Marstal Havn ApS");
  await signOut(page);

  await signIn(page, "arbejdsgiver@demo.example");
  await untilShown(page, search, () => expect(page.locator(".result-count")).toHaveText(/^0 kandidater/, SHORT));
  await signOut(page);

  // Lifted again, so the other tests find her.
  await signIn(page, "borger@demo.example");
  await page.goto("/min-side/synlighed");
  await ready(page, testInfo);
  await page.getByRole("button", { name: /Fjern blokeringen/ }).click();
  await expect(page.locator(".blocked-list")).toHaveCount(0);
  await signOut(page);
  await signIn(page, "arbejdsgiver@demo.example");
  await untilShown(page, search, () => expect(page.locator(".result-count")).toHaveText(/^1 kandidat /, SHORT));
});
