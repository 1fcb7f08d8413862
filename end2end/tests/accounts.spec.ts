import { test, expect } from "@playwright/test";
import { PASSWORD, enterCode, signIn, signOut, totp } from "./helpers";

// The demo accounts seeded by `serve --seed-demo-if-empty` (see README).
// Each role lands on its own start page.
const ACCOUNTS = [
  { email: "borger@demo.example", name: "Mette Hansen", role: "Borger (jobsøgende)", start: /\/min-side$/, heading: "Min side – Mette Hansen" },
  { email: "arbejdsgiver@demo.example", name: "Peter Holm", role: "Arbejdsgiver", start: /\/arbejdsgiver$/, heading: "Jeres stillingsopslag" },
  { email: "jobkonsulent.kbh@demo.example", name: "Karen Lund", role: "Jobkonsulent", start: /\/jobcenter$/, heading: "Opgaver: borgere, der har brug for en jobkonsulent" },
  { email: "jobkonsulent.aarhus@demo.example", name: "Ahmad Berg", role: "Jobkonsulent", start: /\/jobcenter$/, heading: "Opgaver: borgere, der har brug for en jobkonsulent" },
  { email: "admin@demo.example", name: "Sofie Dam", role: "Administrator", start: /\/admin\/brugere$/, heading: "Opret medarbejder" },
];

for (const account of ACCOUNTS) {
  test(`${account.role} ${account.name} signs in and out`, async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Log ind" }).click();
    await expect(page).toHaveURL(/\/log-ind$/);
    await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill(account.email);
    await page.getByLabel("Adgangskode").fill(PASSWORD);
    await page.getByRole("button", { name: "Log ind" }).click();
    // Staff give a code from their authenticator app as well.
    await enterCode(page);
    await expect(page).toHaveURL(account.start);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(account.heading);
    await page.locator(".account-name").click();
    await expect(page.locator(".account-role")).toHaveText(account.role);
    await expect(page.locator(".account-name")).toHaveText(account.name);
    await page.locator(".account-links").getByRole("link", { name: "Log ud" }).click();
    await page.getByRole("button", { name: "Log ud" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator(".account-links")).toContainText("Log ind");
  });
}

test("a wrong password is refused with the error at the field", async ({ page }) => {
  await page.goto("/log-ind");
  await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill("borger@demo.example");
  await page.getByLabel("Adgangskode").fill("forkert-adgangskode");
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page.locator("#field-password-error")).toContainText("E-mailadressen eller adgangskoden er forkert.");
  await expect(page.getByLabel("Adgangskode")).toHaveValue("");
  await expect(page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" })).toHaveValue("borger@demo.example");
});

test("a new jobseeker signs up, fixing a CPR date first, and is signed in", async ({ page }) => {
  const email = `ny.${Date.now().toString(36)}@mail.example`;
  await page.goto("/log-ind");
  await page.getByRole("link", { name: "Ny bruger? Opret dig som jobsøgende" }).click();
  await page.getByRole("textbox", { name: "Navn (skal udfyldes)" }).fill("Jonas Møller");
  await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill(email);
  await page.getByRole("textbox", { name: "Postnummer (skal udfyldes)" }).fill("8000");
  await page.getByLabel("Bopælskommune").selectOption({ label: "Aarhus Kommune" });
  await page.getByRole("textbox", { name: "CPR-nummer (skal udfyldes)" }).fill("310290-1234");
  await page.getByLabel("Vælg en adgangskode").fill("tre glade kokke paa tur");
  await page.getByRole("button", { name: "Opret" }).click();

  await expect(page.locator("#field-cpr-error")).toContainText("skal være din fødselsdato");
  await expect(page.getByRole("textbox", { name: "Navn (skal udfyldes)" })).toHaveValue("Jonas Møller");
  await expect(page.getByLabel("Bopælskommune")).toHaveValue("751");

  await page.getByRole("textbox", { name: "CPR-nummer (skal udfyldes)" }).fill("120588-1234");
  await page.getByLabel("Vælg en adgangskode").fill("tre glade kokke paa tur");
  await page.getByRole("button", { name: "Opret" }).click();
  await expect(page).toHaveURL(/\/min-side$/);
  await page.locator(".account-name").click();
  await expect(page.locator(".account-role")).toHaveText("Borger (jobsøgende)");
  await expect(page.locator(".account-facts")).toContainText("Aarhus");
});

test("a new caseworker sets up two-step verification, keeps recovery codes, and signs in with one", async ({ page }) => {
  const email = `ny.${Date.now().toString(36)}@jobcenter.example`;
  await signIn(page, "admin@demo.example");
  await page.goto("/admin/brugere");
  await page.getByLabel("Rolle").selectOption({ label: "Jobkonsulent" });
  await page.getByRole("textbox", { name: "Navn (skal udfyldes)" }).fill("Nina Ny");
  await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill(email);
  await page.getByLabel("Kommune (for jobkonsulenter)").selectOption({ label: "Københavns Kommune" });
  await page.getByLabel("Første adgangskode").fill("en lang første kode til nina");
  await page.getByRole("button", { name: "Opret medarbejder" }).click();
  await expect(page.getByText("Medarbejderen er oprettet.")).toBeVisible();
  await signOut(page);

  // Her password alone leads only to setting up the second factor.
  await page.goto("/jobcenter");
  await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill(email);
  await page.getByLabel("Adgangskode").fill("en lang første kode til nina");
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page).toHaveURL(/\/konto\/to-trin\?neste=%2Fjobcenter$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Totrinsbekræftelse");
  await expect(page.locator(".step-subheading")).toHaveText("Trin 1 af 2");
  await expect(page.locator(".step-indicator [aria-current=step]")).toContainText("Forbind din app");
  await expect(page.getByRole("img", { name: "QR-kode med nøglen til din godkendelsesapp" })).toBeVisible();
  const key = (await page.locator(".second-factor-key").textContent())!.replace(/-/g, "");
  expect(key).toHaveLength(32);
  // A wrong code is refused at the field; then the app's code turns it on.
  await page.getByRole("textbox", { name: /^Kode/ }).fill("12");
  await page.getByRole("button", { name: "Slå totrinsbekræftelse til" }).click();
  await expect(page.locator("#field-kode-error")).toContainText("Skriv de 6 cifre");
  await page.getByRole("textbox", { name: /^Kode/ }).fill(totp(key, Date.now() / 1000));
  await page.getByRole("button", { name: "Slå totrinsbekræftelse til" }).click();
  await expect(page.getByRole("heading", { name: "Dine gendannelseskoder" })).toBeVisible();
  await expect(page.locator(".step-subheading")).toHaveText("Trin 2 af 2");
  await expect(page.locator(".step-indicator li").first()).toContainText("Forbind din app (gennemført)");
  const codes = await page.locator(".recovery-codes code").allTextContents();
  expect(codes).toHaveLength(10);
  await page.getByRole("button", { name: "Jeg har gemt kodene" }).click();
  await expect(page).toHaveURL(/\/jobcenter$/);
  await signOut(page);

  // Without the phone: a recovery code, once.
  await page.goto("/log-ind");
  await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill(email);
  await page.getByLabel("Adgangskode").fill("en lang første kode til nina");
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page).toHaveURL(/\/log-ind\/kode/);
  await page.getByRole("textbox", { name: /^Kode/ }).fill(codes[0]);
  await page.getByRole("button", { name: "Fortsæt" }).click();
  await expect(page).toHaveURL(/\/jobcenter$/);
  await page.goto("/konto/to-trin");
  await expect(page.locator(".recovery-codes-left")).toHaveText("Du har 9 ubrugte gendannelseskoder.");
});
