import { test, expect } from "@playwright/test";
import { signIn, signOut } from "./helpers";

test("a caseworker sees only their own municipality's citizens, and the citizen sees who looked", async ({ page }) => {
  // København's caseworker looks the citizen up, with a purpose, and opens her.
  await signIn(page, "jobkonsulent.kbh@demo.example");
  await expect(page).toHaveURL(/\/jobcenter$/);
  await page.getByRole("link", { name: "Find borger" }).click();
  await page.getByLabel("E-mailadresse").fill("borger@demo.example");
  await page.getByLabel("Formål").selectOption({ label: "Du havde brug for hjælp fra jobcentret" });
  await page.getByRole("button", { name: "Søg" }).click();
  await page.getByRole("link", { name: "Mette Hansen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mette Hansen");
  await expect(page.locator(".citizen-facts")).toContainText("borger@demo.example");
  const citizenUrl = page.url();
  await signOut(page);

  // Aarhus's caseworker gets 403 on the same citizen, and no data.
  await signIn(page, "jobkonsulent.aarhus@demo.example");
  const response = await page.goto(citizenUrl);
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Du har ikke adgang til denne side.")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("borger@demo.example");
  await page.goto("/jobcenter/borgere?email=borger%40demo.example&formaal=opfoelgning");
  await expect(page.locator(".citizen-not-found")).toBeVisible();
  await signOut(page);

  // The citizen sees the accesses, with role, municipality and purpose.
  await signIn(page, "borger@demo.example");
  await expect(page).toHaveURL(/\/min-side$/);
  await page.getByRole("link", { name: "Hvem har set mine oplysninger" }).click();
  const rows = page.locator("table.access-log tbody tr");
  await expect(rows.first()).toContainText("Jobkonsulent, Københavns Kommune");
  await expect(rows.first()).toContainText("Så dine oplysninger");
  await expect(rows.first()).toContainText("Du havde brug for hjælp fra jobcentret");
  await expect(page.locator("table.access-log")).not.toContainText("Aarhus");
});

test("an employer is refused the caseworker's pages", async ({ page }) => {
  await signIn(page, "arbejdsgiver@demo.example");
  const response = await page.goto("/jobcenter/borgere");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Du har ikke adgang til denne side.")).toBeVisible();
});
