import { test, expect } from "@playwright/test";
import { fillDate, isoDaysAhead, letters, signIn, signOut, signUpJobseeker } from "./helpers";

// When self-service stalls, with and without JavaScript: a citizen asks for help;
// the escalation reaches København's queue (not Aarhus's); the caseworker opens the
// citizen (an audit row the citizen can see), writes, books a phone meeting and
// resolves; the citizen sees the message, the meeting and the resolution.

test("a citizen asks for help, and København's caseworker takes it from the queue to a resolution", async ({ page }) => {
  // A new citizen of København.
  const name = `Ida ${letters(8).replace(/^./, (c) => c.toUpperCase())}`;
  const email = `hjaelp.${letters(10)}@mail.example`;
  const password = "tre glade kokke paa tur";
  await signUpJobseeker(page, { name, email, postcode: "2200", municipality: "Københavns Kommune", password });

  // "Få hjælp" is on every page of theirs.
  await page.getByRole("link", { name: "Få hjælp" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Få hjælp fra jobcentret");
  await page.getByLabel("Besked til jobcentret (valgfri)").fill("Jeg har svært ved at finde job, der passer til mig.");
  await page.getByRole("button", { name: "Bed om hjælp" }).click();
  await expect(page).toHaveURL(/\/min-side\/jobcenter\?hjaelp=1/);
  await expect(page.getByRole("status")).toContainText("En jobkonsulent kontakter dig");
  await expect(page.locator(".escalation-open")).toContainText("Bad selv om hjælp");
  await expect(page.locator(".thread")).toContainText("Jeg har svært ved at finde job");
  await signOut(page);

  // Aarhus does not see it.
  await signIn(page, "jobkonsulent.aarhus@demo.example");
  await expect(page).toHaveURL(/\/jobcenter$/);
  await expect(page.locator("main")).not.toContainText(name);
  await signOut(page);

  // København does: filter to help requests, take the task, open the citizen.
  await signIn(page, "jobkonsulent.kbh@demo.example");
  await expect(page).toHaveURL(/\/jobcenter$/);
  await page.getByLabel("Årsag").selectOption({ label: "Bad selv om hjælp" });
  await page.getByRole("button", { name: "Vis opgaver" }).click();
  await expect(page).toHaveURL(/aarsag=help_requested/);
  const row = page.locator("tr.queue-item", { hasText: name });
  await expect(row).toContainText("Bad selv om hjælp");
  await row.getByRole("button", { name: `Tag opgaven: ${name}` }).click();
  await expect(page.locator("tr.queue-item", { hasText: name })).toContainText("Karen Lund");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.locator(".case-open")).toContainText("Bad selv om hjælp");
  await expect(page.locator(".thread")).toContainText("Jeg har svært ved at finde job");

  // A message: first empty (refused at the field), then written.
  await page.locator(".message-form").getByRole("button", { name: "Send besked" }).click();
  await expect(page.locator("#field-body-error")).toContainText("Skriv en besked");
  await page.getByRole("textbox", { name: "Besked (skal udfyldes)" }).fill("Hej, jeg ringer dig op, så vi kan tale om dine muligheder.");
  await page.locator(".message-form").getByRole("button", { name: "Send besked" }).click();
  await expect(page.getByRole("status")).toContainText("Gemt");
  await expect(page.locator(".thread")).toContainText("jeg ringer dig op");

  // A phone meeting in three days.
  await page.getByLabel("Mødeform").selectOption({ label: "Telefon" });
  await fillDate(page, "Dato", isoDaysAhead(3));
  await page.getByRole("textbox", { name: "Klokkeslæt (skal udfyldes)" }).fill("10.30");
  await page.getByLabel("Sted, link eller telefonnummer").fill("Jobkonsulenten ringer på 70 12 34 56");
  await page.getByRole("button", { name: "Book møde" }).click();
  await expect(page.locator(".meetings")).toContainText("Telefon");

  // Resolve: back to self-service, with a message the citizen sees.
  await page.getByLabel("Besked til borgeren om, hvad der er aftalt").fill("Vi har aftalt et telefonmøde. Du fortsætter med selvbetjening.");
  await page.getByRole("button", { name: "Afslut og send tilbage til selvbetjening" }).click();
  await expect(page.locator(".case-open")).toContainText("Der er ingen åbne opgaver");
  await page.getByRole("link", { name: "Opgaver" }).click();
  await expect(page.locator("main")).not.toContainText(name);
  await signOut(page);

  // The citizen: the message, the meeting (to confirm), the resolution, and who looked.
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/min-side$/);
  await expect(page.locator(".overview-messages")).toContainText("1 ulæste");
  await expect(page.locator(".meetings")).toContainText("Telefon");
  await expect(page.locator(".escalations")).toContainText("Vi har aftalt et telefonmøde");
  await page.getByRole("link", { name: /Beskeder/ }).first().click();
  await expect(page.locator(".thread")).toContainText("jeg ringer dig op");
  await page.getByRole("button", { name: /Bekræft mødet/ }).click();
  await expect(page.locator(".meetings")).toContainText("Bekræftet");
  await page.goto("/mine-data/adgang");
  await expect(page.locator("table.access-log tbody tr").first()).toContainText("Jobkonsulent, Københavns Kommune");
});

test("a new citizen answers the screening, and it says what happens next", async ({ page }) => {
  const email = `screening.${letters(10)}@mail.example`;
  await signUpJobseeker(page, { name: "Omar Rasmussen", email, postcode: "8000", municipality: "Aarhus Kommune" });
  await page.getByRole("link", { name: /svar på 5 korte spørgsmål/ }).click();
  // One question left out: the error is at its group, and the rest is kept.
  await page.getByRole("group", { name: /Hvornår regner du med/ }).getByLabel("Inden for 3 måneder").check();
  await page.getByRole("group", { name: /Begrænser dit helbred/ }).getByLabel("Nej").check();
  await page.getByRole("group", { name: /Hvor godt læser/ }).getByLabel("Godt").check();
  await page.getByRole("group", { name: /Hvor sikker er du/ }).getByLabel("Sikker", { exact: true }).check();
  await page.getByRole("button", { name: "Send svar" }).click();
  await expect(page.locator("#field-wants_help-error")).toContainText("Vælg en af mulighederne");
  await expect(page.getByRole("group", { name: /Hvor godt læser/ }).getByLabel("Godt")).toBeChecked();
  await page.getByRole("group", { name: /Vil du gerne tale med en jobkonsulent/ }).getByLabel("Ja").check();
  await page.getByRole("button", { name: "Send svar" }).click();
  await expect(page.getByRole("status")).toContainText("kontakter en jobkonsulent dig");
  await page.goto("/min-side/jobcenter");
  await expect(page.locator(".escalation-open")).toContainText("Screening ved tilmelding");
});

test("an administrator changes København's rules as a new version, and the dashboard shows the mix", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.goto("/admin/regler?kommune=101");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("Københavns Kommune");
  const level = page.getByLabel("Frist for jobkonsulenten (arbejdsdage)");
  await level.fill("30");
  await page.getByRole("button", { name: "Gem ny version" }).click();
  await expect(page.locator("#field-service_level_days-error")).toContainText("helt tal inden for");
  await expect(page.locator("#field-note-error")).toContainText("hvorfor");
  await page.getByLabel("Frist for jobkonsulenten (arbejdsdage)").fill("3");
  const note = `Forsøg ${letters(6)}`;
  await page.getByLabel("Begrundelse").fill(note);
  await page.getByRole("button", { name: "Gem ny version" }).click();
  await expect(page.getByRole("status")).toContainText("gemt som en ny version");
  const newest = page.locator("table.rules-history tbody tr").first();
  await expect(newest).toContainText(note);
  await expect(newest).toContainText("Sofie Dam");
  await signOut(page);

  await signIn(page, "jobkonsulent.kbh@demo.example");
  await page.getByRole("link", { name: "Overblik" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overblik over jobcentrets borgere");
  const tracks = page.locator("#chart-tracks-title").locator("..");
  await expect(tracks.locator("table")).toContainText("Selvbetjening");
  await expect(page.locator(".chart").nth(1).locator("table")).toContainText("Bad selv om hjælp");
});
