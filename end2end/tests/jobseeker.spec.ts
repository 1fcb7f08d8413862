import { test, expect, Page } from "@playwright/test";
import { expectDate, fillDate, isoDaysAhead, SHORT, signIn, signOut, signUpJobseeker, untilShown } from "./helpers";

// A new jobseeker does everything the rules ask on their own, with and without
// JavaScript: CV until searchable, two applications (one from a vacancy page),
// sick and well, a holiday (after the 14-day error), and the 7-day check. Min side
// reflects each step.

async function signUp(page: Page): Promise<void> {
  const email = `selv.${Date.now().toString(36)}@mail.example`;
  await signUpJobseeker(page, { name: "Sara Nielsen", email, postcode: "8000", municipality: "Aarhus Kommune" });
}

async function cvSection(page: Page, name: string): Promise<void> {
  await page.goto("/min-side/cv");
  await page.getByRole("link", { name: `Rediger: ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

test("a new jobseeker serves themselves, and Min side follows", async ({ page }) => {
  await signUp(page);
  const cvCard = page.locator("section[aria-labelledby=overview-cv]");
  await expect(cvCard).toContainText("Dit CV er 0 % udfyldt.");
  await expect(cvCard).toContainText("Frist for at gøre dit CV færdigt");
  await expect(cvCard).toContainText("Mangler: Kontaktoplysninger, Job jeg søger, Uddannelse, Erhvervserfaring, Ansættelsesvilkår");

  // Contact: at least one way to be reached; the error is tied to its field.
  await cvSection(page, "Kontaktoplysninger");
  await page.getByRole("textbox", { name: "Telefonnummer" }).fill("12 34");
  await page.getByRole("button", { name: "Gem" }).click();
  await expect(page.locator("#field-phone-error")).toContainText("8 cifre");
  await expect(page.locator("#field-show_email-error")).toContainText("Vælg mindst én måde");
  await expect(page.getByRole("textbox", { name: "Telefonnummer" })).toHaveValue("12 34");
  await page.getByRole("textbox", { name: "Telefonnummer" }).fill("20 30 40 50");
  await page.getByLabel("Vis min e-mailadresse på CV'et").check();
  await page.getByRole("button", { name: "Gem" }).click();
  await expect(page).toHaveURL(/\/min-side\/cv\?gemt=1$/);
  await expect(page.locator(".cv-percent")).toHaveText("Dit CV er 20 % udfyldt.");

  // Jobs I seek: an unknown title gets "did you mean" from the bundled list.
  await cvSection(page, "Job jeg søger");
  await page.locator("#field-occupation").fill("pædagogen");
  await page.getByRole("button", { name: "Tilføj" }).click();
  await expect(page.locator("#field-occupation-error")).toContainText("Vi kender ikke det job");
  await page.getByRole("button", { name: "Pædagog (234210)" }).click();
  await expect(page.locator(".cv-list")).toContainText("Pædagog (234210)");

  await cvSection(page, "Uddannelse");
  await page.getByRole("textbox", { name: "Uddannelse (skal udfyldes)" }).fill("Pædagoguddannelsen");
  await page.getByRole("textbox", { name: "Skole eller uddannelsessted (skal udfyldes)" }).fill("VIA University College");
  await page.getByRole("textbox", { name: "Fra år (skal udfyldes)" }).fill("2014");
  await page.getByRole("textbox", { name: "Til år" }).fill("2018");
  await page.getByRole("button", { name: "Tilføj" }).click();
  await expect(page.locator(".cv-list")).toContainText("Pædagoguddannelsen, VIA University College (2014–2018)");

  await cvSection(page, "Erhvervserfaring");
  await page.getByRole("textbox", { name: "Stilling (skal udfyldes)" }).fill("Pædagog");
  await page.getByRole("textbox", { name: "Arbejdsgiver (skal udfyldes)" }).fill("Børnehuset Solsikken");
  await page.getByRole("textbox", { name: "Fra år (skal udfyldes)" }).fill("2018");
  await page.getByRole("button", { name: "Tilføj" }).click();
  await expect(page.locator(".cv-list")).toContainText("Børnehuset Solsikken (2018–nu)");

  await cvSection(page, "Ansættelsesvilkår");
  await page.getByRole("textbox", { name: "Timer om ugen (skal udfyldes)" }).fill("37");
  await page.getByLabel("Fuldtid eller deltid").selectOption({ label: "Fuldtid eller deltid" });
  await page.getByLabel("Område (kommune)").selectOption({ label: "Aarhus Kommune" });
  await page.getByRole("textbox", { name: "Højst transport hver vej (km) (skal udfyldes)" }).fill("100");
  await page.getByRole("button", { name: "Gem" }).click();
  await expect(page.locator(".cv-percent")).toHaveText("Dit CV er 100 % udfyldt.");
  await expect(page.locator(".cv-visibility")).toHaveText("Dit CV er synligt for arbejdsgivere.");
  await page.getByRole("link", { name: "Vis CV til udskrift" }).click();
  await expect(page.locator(".cv-print h1")).toHaveText("Sara Nielsen");
  await expect(page.locator(".cv-print")).toContainText("VIA University College");

  // Joblog: one by hand, one from a vacancy page in one click.
  await page.goto("/min-side/joblog");
  await page.getByRole("link", { name: "Registrér ny aktivitet" }).click();
  await page.getByLabel("Type").selectOption({ label: "Ansøgning" });
  await page.getByRole("textbox", { name: "Arbejdsgiver (skal udfyldes)" }).fill("Netto");
  await page.getByRole("textbox", { name: "Stilling" }).fill("Butiksmedarbejder");
  await page.getByLabel("Status").selectOption({ label: "Sendt" });
  await page.getByRole("button", { name: "Gem" }).click();
  await expect(page.getByRole("status")).toContainText("Aktiviteten er gemt i din joblog.");
  // Attach the application as a file: checked by content, then offered for download.
  await page.getByRole("link", { name: "Ret aktivitet: Netto" }).click();
  await page.locator("#field-file").setInputFiles({ name: "ansøgning.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not really a pdf") });
  await page.getByRole("button", { name: "Vedhæft fil" }).click();
  await expect(page.locator("#field-file-error")).toContainText("Filen skal være en PDF eller et Word-dokument");
  await page.locator("#field-file").setInputFiles({ name: "ansøgning.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 Kære Netto") });
  await page.getByRole("button", { name: "Vedhæft fil" }).click();
  await expect(page.getByRole("status")).toContainText("Filen er vedhæftet.");
  const download = await page.request.get(await page.getByRole("link", { name: "ansøgning.pdf" }).getAttribute("href") as string);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(await download.text()).toBe("%PDF-1.4 Kære Netto");
  await page.goto("/job?q=p%C3%A6dagog");
  await page.locator(".result-title a").first().click();
  await page.getByRole("button", { name: "Jeg har søgt jobbet" }).click();
  await expect(page).toHaveURL(/\/min-side\/joblog\?gemt=1$/);
  await expect(page.locator(".joblog-progress")).toContainText("Du har registreret 2 ansøgninger de seneste 4 uger.");
  await expect(page.locator(".joblog-verdict")).toContainText("Du mangler 4 ansøgninger");
  await expect(page.locator(".joblog-entries li")).toHaveCount(2);

  // Sick and well: the CV hides meanwhile.
  await page.goto("/min-side/raadighed");
  await page.getByRole("button", { name: "Meld dig syg fra i dag" }).click();
  await expect(page.locator(".availability-status")).toContainText("Du er meldt syg fra");
  await page.goto("/min-side");
  await expect(cvCard.locator(".cv-visibility")).toHaveText("Dit CV er skjult for arbejdsgivere, mens du er meldt syg.");
  await expect(page.locator(".availability-status")).toContainText("Du er meldt syg fra");
  await page.goto("/min-side/raadighed");
  await page.getByRole("button", { name: "Meld dig rask" }).click();
  await expect(page.locator(".availability-status")).toContainText("Du står til rådighed: 37 timer om ugen.");

  // Holiday: under 14 days' notice is refused, with what was typed kept.
  await fillDate(page, "Første feriedag", isoDaysAhead(5));
  await fillDate(page, "Sidste feriedag", isoDaysAhead(9));
  await page.getByRole("button", { name: "Registrér ferie" }).click();
  await expect(page.locator("#field-from-error")).toContainText("mindst 14 dage før");
  await expectDate(page, "Sidste feriedag", isoDaysAhead(9));
  await fillDate(page, "Første feriedag", isoDaysAhead(20));
  await fillDate(page, "Sidste feriedag", isoDaysAhead(24));
  await page.getByRole("button", { name: "Registrér ferie" }).click();
  await expect(page.locator(".holidays li")).toHaveCount(1);
  await expect(page.locator(".availability-history")).toContainText("Ferie registreret");
  await expect(page.locator(".availability-history")).toContainText("Meldt rask");

  // The 7-day check: suggestions from the CV, one button.
  await page.goto("/min-side/tjek");
  await expect(page.locator(".suggestions li").first()).toContainText("matcher dit ønske: Pædagog");
  await page.getByRole("button", { name: "Jeg har set mine jobforslag og søger job" }).click();
  await expect(page.getByRole("status")).toContainText("Tak. Du har set dine jobforslag");
  await expect(page.locator(".check-history")).toContainText("Bekræftet");

  // Min side sums it up.
  await page.goto("/min-side");
  await expect(cvCard.locator(".cv-visibility")).toHaveText("Dit CV er synligt for arbejdsgivere.");
  await expect(page.locator(".joblog-progress")).toContainText("2 ansøgninger");
  await expect(page.locator(".availability-holiday")).toContainText("Ferie");
  await expect(page.locator(".check-due")).toContainText("Næste frist for at tjekke jobforslag");
  await expect(page.locator(".notifications")).toContainText("Dit CV er nu udfyldt og synligt for arbejdsgivere.");
  await page.getByRole("button", { name: "Markér alle som læst" }).click();
  await expect(page.locator(".notifications .badge")).toHaveCount(0);
});

test("the demo jobseeker shows each state at once", async ({ page }) => {
  await page.goto("/log-ind");
  await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill("borger@demo.example");
  await page.getByLabel("Adgangskode").fill("demo-jobunivers-2026");
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page).toHaveURL(/\/min-side$/);
  await expect(page.locator(".cv-visibility")).toHaveText("Dit CV er synligt for arbejdsgivere.");
  await expect(page.locator(".joblog-verdict")).toContainText("Du mangler 3 ansøgninger");
  await expect(page.locator(".notifications")).toContainText("Husk at tjekke dine jobforslag.");
});

test("a job agent tells the jobseeker when an employer posts a matching vacancy", async ({ page }) => {
  // Random letters, not a timestamp: two runs' words must be far apart, or typo
  // tolerance would rightly find the other run's vacancy.
  const word = `Skibsbygger${Math.random().toString(36).slice(2, 10)}`;
  await signIn(page, "borger@demo.example");
  await page.goto(`/job?q=${word}`);
  await expect(page.locator(".result-count")).toHaveText("0 stillinger");
  await page.getByRole("button", { name: "Gem søgningen som jobagent" }).click();
  await expect(page).toHaveURL(/\/min-side\/jobagenter\?gemt=1$/);
  await expect(page.locator(".agents")).toContainText(word);
  await page.getByRole("button", { name: `Send mig en daglig e-mail: ${word}` }).click();
  await expect(page.locator(".agents")).toContainText("Daglig e-mail: til");
  await signOut(page);

  await signIn(page, "arbejdsgiver@demo.example");
  await page.goto("/arbejdsgiver/stillinger/ny");
  await page.getByLabel("Stillingsbetegnelse").fill(word);
  await page.getByLabel("Arbejdsgiverens navn").fill("Marstal Værft");
  await page.getByLabel("Beskrivelse af stillingen").fill("Vi søger en skibsbygger til vores værft i Marstal. Erfaring med træskibe er et plus.");
  await page.getByLabel("Postnummer").fill("5960");
  await page.getByRole("textbox", { name: "By (skal udfyldes)", exact: true }).fill("Marstal");
  await page.getByLabel("Kommune, hvor arbejdet er").selectOption({ label: "Ærø Kommune" });
  await page.getByLabel("Timer pr. uge").fill("37");
  await fillDate(page, "Ansøgningsfrist", isoDaysAhead(21));
  await page.getByLabel("Sådan søger man").fill("job@vaerft.example");
  await page.getByRole("button", { name: "Opret stillingen" }).click();
  await expect(page).toHaveURL(/\/job\/\d+\?oprettet=1/);
  await signOut(page);

  await signIn(page, "borger@demo.example");
  await untilShown(page, "/min-side", () => expect(page.locator(".notifications")).toContainText(`Jobagenten »${word}« har fundet 1 nyt job.`, SHORT));
  await page.locator(".notifications li").filter({ hasText: word }).getByRole("link", { name: "Vis søgningen" }).click();
  await expect(page.locator(".result-title")).toHaveText([word]);
});
