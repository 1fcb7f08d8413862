import { test, expect } from "@playwright/test";

// The demo accounts seeded by `serve --seed-demo-if-empty` (see README).
const PASSWORD = "demo-jobunivers-2026";
const ACCOUNTS = [
  { email: "borger@demo.example", name: "Mette Hansen", role: "Borger (jobsøgende)" },
  { email: "arbejdsgiver@demo.example", name: "Peter Holm", role: "Arbejdsgiver" },
  { email: "jobkonsulent.kbh@demo.example", name: "Karen Lund", role: "Jobkonsulent" },
  { email: "jobkonsulent.aarhus@demo.example", name: "Ahmad Berg", role: "Jobkonsulent" },
  { email: "admin@demo.example", name: "Sofie Dam", role: "Administrator" },
];

for (const account of ACCOUNTS) {
  test(`${account.role} ${account.name} signs in and out`, async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Log ind" }).click();
    await expect(page).toHaveURL(/\/log-ind$/);
    await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill(account.email);
    await page.getByLabel("Adgangskode").fill(PASSWORD);
    await page.getByRole("button", { name: "Log ind" }).click();
    await expect(page).toHaveURL(/\/konto$/);
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
