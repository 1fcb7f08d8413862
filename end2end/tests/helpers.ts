import { expect, Page } from "@playwright/test";

/// The demo accounts' password (see README, "Demo accounts").
export const PASSWORD = "demo-jobunivers-2026";

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/log-ind");
  await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill(email);
  await page.getByLabel("Adgangskode").fill(password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page).not.toHaveURL(/\/log-ind/);
}

export async function signOut(page: Page): Promise<void> {
  await page.goto("/log-ud");
  await page.getByRole("button", { name: "Log ud" }).click();
  await expect(page).toHaveURL(/\/$/);
}

/// Random letters, not a timestamp: two runs' words must be far apart, or typo
/// tolerance would rightly find the other run's data.
export function letters(n: number): string {
  return Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

/// Signs up a new jobseeker (CPR 120588-1234) and lands on Min side.
export async function signUpJobseeker(page: Page, who: { name: string; email: string; postcode: string; municipality: string; password?: string }): Promise<void> {
  await page.goto("/opret/borger");
  await page.getByRole("textbox", { name: "Navn (skal udfyldes)" }).fill(who.name);
  await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill(who.email);
  await page.getByRole("textbox", { name: "Postnummer (skal udfyldes)" }).fill(who.postcode);
  await page.getByLabel("Bopælskommune").selectOption({ label: who.municipality });
  await page.getByRole("textbox", { name: "CPR-nummer (skal udfyldes)" }).fill("120588-1234");
  await page.getByLabel("Vælg en adgangskode").fill(who.password ?? "tre glade kokke paa tur");
  await page.getByRole("button", { name: "Opret" }).click();
  await expect(page).toHaveURL(/\/min-side$/);
}
