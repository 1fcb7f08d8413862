import { test, expect } from "@playwright/test";
import { PASSWORD } from "./helpers";

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
