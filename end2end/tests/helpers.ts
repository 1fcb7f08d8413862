import { expect, Locator, Page } from "@playwright/test";
import { createHmac } from "node:crypto";

/// The demo accounts' password (see README, "Demo accounts").
export const PASSWORD = "demo-jobunivers-2026";
/// The demo staff's second-factor key (README, "Demo accounts").
export const DEMO_TOTP_KEY = "NJXWE5LONF3GK4TTFVSGK3LPFVVWK6JB";

function base32Decode(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of text.replace(/[-\s=]/g, "").toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

/// The code an authenticator app with `key` shows at `unixSeconds` (RFC 6238:
/// HMAC-SHA-1, 30-second steps, six digits), as a person's phone would.
export function totp(key: string, unixSeconds: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac("sha1", base32Decode(key)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return n.toString().padStart(6, "0");
}

/// The code step of signing in, when the page asks for it: the app's current
/// code, or the next one if that was used by an earlier sign-in (the server
/// accepts one step of drift), else waits for a fresh one.
export async function enterCode(page: Page, key = DEMO_TOTP_KEY): Promise<void> {
  await page.waitForURL((u) => u.pathname !== "/log-ind");
  for (let attempt = 0; attempt < 4 && new URL(page.url()).pathname === "/log-ind/kode"; attempt++) {
    const now = Math.floor(Date.now() / 1000);
    await page.getByRole("textbox", { name: /^Kode/ }).fill(totp(key, attempt === 0 ? now : now + 30));
    await page.getByRole("button", { name: "Fortsæt" }).click();
    await page.waitForLoadState();
    if (new URL(page.url()).pathname !== "/log-ind/kode") return;
    await expect(page.locator("#field-kode-error")).toContainText("allerede brugt");
    if (attempt >= 1) await page.waitForTimeout((30 - (now % 30)) * 1000);
  }
  await expect(page).not.toHaveURL(/\/log-ind/);
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/log-ind");
  await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill(email);
  await page.getByLabel("Adgangskode").fill(password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await enterCode(page);
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

/// Random letters: words of two runs must differ by more than typo tolerance forgives.
export const unique = () => Math.random().toString(36).slice(2, 10) + Math.random().toString(36).slice(2, 6);

/// A date `days` ahead (YYYY-MM-DD), for `fillDate`.
export function isoDaysAhead(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/// Loads `address` again until `check` passes, for what the indexer shows about half a
/// second after a change. Each look must be short (`SHORT`): a page loaded just
/// before the change never changes, so waiting on it would use up the whole time.
export async function untilShown(page: Page, address: string, check: () => Promise<void>, timeout = 15_000): Promise<void> {
  await expect(async () => {
    await page.goto(address);
    await check();
  }).toPass({ timeout, intervals: [250, 500, 1_000] });
}

/// The time one look inside `untilShown` may take.
export const SHORT = { timeout: 1_000 };

/// A date field (the design system's three boxes: day, month, year), found by its question.
export function dateField(page: Page, question: string): Locator {
  const escaped = question.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByRole("group", { name: new RegExp(`^${escaped}( \\(skal udfyldes\\))?$`) });
}

/// Types `iso` (YYYY-MM-DD) into the date field asking `question`, day first.
export async function fillDate(page: Page, question: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split("-");
  const field = dateField(page, question);
  await field.getByLabel("Dag", { exact: true }).fill(day);
  await field.getByLabel("Måned", { exact: true }).fill(month);
  await field.getByLabel("År", { exact: true }).fill(year);
}

/// The date field asking `question` shows `iso` (YYYY-MM-DD), or nothing when `iso` is empty.
export async function expectDate(page: Page, question: string, iso: string): Promise<void> {
  const [year, month, day] = iso ? iso.split("-") : ["", "", ""];
  const field = dateField(page, question);
  await expect(field.getByLabel("Dag", { exact: true })).toHaveValue(day);
  await expect(field.getByLabel("Måned", { exact: true })).toHaveValue(month);
  await expect(field.getByLabel("År", { exact: true })).toHaveValue(year);
}

/// In the JS project, wait until the page is hydrated, so clicks hit live handlers.
/// Whether the test's project runs the browser with JavaScript ("js", "cluster-js", ...).
export function withJavaScript(testInfo: { project: { name: string } }): boolean {
  return !testInfo.project.name.includes("nojs");
}

export async function ready(page: Page, testInfo: { project: { name: string } }): Promise<void> {
  if (withJavaScript(testInfo)) {
    await page.locator("body[data-hydrated=true]").waitFor({ state: "attached", timeout: 30_000 });
  }
}

/// Posts a vacancy titled `title` as the signed-in employer, at `place`
/// (Marstal unless given); returns its address.
export async function postVacancy(
  page: Page,
  testInfo: { project: { name: string } },
  title: string,
  description: string,
  place = { postcode: "5960", city: "Marstal" },
): Promise<string> {
  await page.goto("/arbejdsgiver/stillinger/ny");
  await ready(page, testInfo);
  await page.getByLabel("Stillingsbetegnelse").fill(title);
  await page.getByLabel("Arbejdsgiverens navn").fill("Marstal Havn");
  await page.getByLabel("Beskrivelse af stillingen").fill(description);
  await page.getByLabel("Postnummer").fill(place.postcode);
  await page.getByRole("textbox", { name: "By (skal udfyldes)", exact: true }).fill(place.city);
  await page.getByLabel("Timer pr. uge").fill("37");
  await fillDate(page, "Ansøgningsfrist", isoDaysAhead(14));
  await page.getByLabel("Sådan søger man").fill("havn@marstal.example");
  await page.getByRole("button", { name: "Opret stillingen" }).click();
  await expect(page).toHaveURL(/\/job\/\d+\?oprettet=1/);
  return new URL(page.url()).pathname;
}
