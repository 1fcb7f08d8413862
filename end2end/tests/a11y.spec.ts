// WCAG 2.1 A and AA on every page, for every role, with JavaScript on and off
// (the two projects): axe-core checks each page and a few states (a form with
// errors, an empty result, the map, the charts, messages); every page is loaded
// at 320 CSS px and with text at 200 % and must not scroll sideways or cut text
// off (screenshots at 320 px go to target/screenshots for a person to look at).
//
// PAGES names every page of app/src/pages.rs; a test there fails when a page is
// missing here, so a new page joins the check when it is added.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, Browser, Page, TestInfo } from "@playwright/test";
import { PASSWORD, ready, signIn } from "./helpers";
import * as fs from "node:fs";
import * as path from "node:path";

type Role = "anonymous" | "jobseeker" | "employer" | "caseworker" | "admin";

const ACCOUNTS: Record<Exclude<Role, "anonymous">, string> = {
  jobseeker: "borger@demo.example",
  employer: "arbejdsgiver@demo.example",
  caseworker: "jobkonsulent.kbh@demo.example",
  admin: "admin@demo.example",
};

/// How to reach a page: its address, or the first link on `from` whose address
/// matches `href` (every one of them with `all`), then `then` appended.
type Reach = string | { from: string; href: RegExp; all?: boolean; then?: string };

/// Every page (its address as app/src/pages.rs writes it), who looks at it, and how.
const PAGES: [string, Role, Reach][] = [
  ["/", "anonymous", "/"],
  ["/job", "anonymous", "/job?q=p%C3%A6dagog"],
  ["/job/:id", "anonymous", { from: "/job?q=p%C3%A6dagog", href: /^\/job\/\d+$/ }],
  ["/job/:id/anmeld", "jobseeker", { from: "/job?q=p%C3%A6dagog", href: /^\/job\/\d+$/, then: "/anmeld" }],
  ["/tilgaengelighed", "anonymous", "/tilgaengelighed"],
  ["/privatliv", "anonymous", "/privatliv"],
  ["/cookies", "anonymous", "/cookies"],
  ["/log-ind", "anonymous", "/log-ind"],
  ["/log-ind/kode", "anonymous", "/log-ind/kode"],
  ["/log-ud", "jobseeker", "/log-ud"],
  ["/opret/borger", "anonymous", "/opret/borger"],
  ["/opret/arbejdsgiver", "anonymous", "/opret/arbejdsgiver"],
  ["/konto", "jobseeker", "/konto"],
  ["/konto/to-trin", "caseworker", "/konto/to-trin"],
  ["/arbejdsgiver", "employer", "/arbejdsgiver"],
  ["/arbejdsgiver/stillinger/ny", "employer", "/arbejdsgiver/stillinger/ny"],
  ["/arbejdsgiver/stillinger/:id", "employer", { from: "/arbejdsgiver", href: /^\/arbejdsgiver\/stillinger\/\d+$/ }],
  ["/arbejdsgiver/stillinger/:id/ret", "employer", { from: "/arbejdsgiver", href: /^\/arbejdsgiver\/stillinger\/\d+$/, then: "/ret" }],
  ["/arbejdsgiver/virksomhed", "employer", "/arbejdsgiver/virksomhed"],
  ["/arbejdsgiver/kandidater", "employer", "/arbejdsgiver/kandidater?q=p%C3%A6dagog"],
  ["/arbejdsgiver/kandidater/:id", "employer", { from: "/arbejdsgiver/kandidater?q=p%C3%A6dagog", href: /^\/arbejdsgiver\/kandidater\/\d+/ }],
  ["/arbejdsgiver/kandidatagenter", "employer", "/arbejdsgiver/kandidatagenter"],
  ["/arbejdsgiver/kandidatagenter/:id", "employer", { from: "/arbejdsgiver/kandidatagenter", href: /^\/arbejdsgiver\/kandidatagenter\/\d+$/ }],
  ["/arbejdsgiver/kontakter", "employer", "/arbejdsgiver/kontakter"],
  ["/arbejdsgiver/kontakter/:id", "employer", { from: "/arbejdsgiver/kontakter", href: /^\/arbejdsgiver\/kontakter\/\d+$/ }],
  ["/arbejdsgiver/jobcenter", "employer", "/arbejdsgiver/jobcenter"],
  ["/arbejdsgiver/jobcenter/:id", "employer", { from: "/arbejdsgiver/jobcenter", href: /^\/arbejdsgiver\/jobcenter\/\d+$/ }],
  ["/min-side", "jobseeker", "/min-side"],
  ["/min-side/cv", "jobseeker", "/min-side/cv"],
  ["/min-side/cv/:afsnit", "jobseeker", { from: "/min-side/cv", href: /^\/min-side\/cv\/[a-z]+$/, all: true }],
  ["/min-side/cv-udskrift", "jobseeker", "/min-side/cv-udskrift"],
  ["/min-side/joblog", "jobseeker", "/min-side/joblog"],
  ["/min-side/joblog/aktivitet", "jobseeker", "/min-side/joblog/aktivitet"],
  ["/min-side/raadighed", "jobseeker", "/min-side/raadighed"],
  ["/min-side/tjek", "jobseeker", "/min-side/tjek"],
  ["/min-side/jobagenter", "jobseeker", "/min-side/jobagenter"],
  ["/min-side/hjaelp", "jobseeker", "/min-side/hjaelp"],
  ["/min-side/screening", "jobseeker", "/min-side/screening"],
  ["/min-side/jobcenter", "jobseeker", "/min-side/jobcenter"],
  ["/min-side/synlighed", "jobseeker", "/min-side/synlighed"],
  ["/min-side/arbejdsgivere", "jobseeker", "/min-side/arbejdsgivere"],
  ["/min-side/arbejdsgivere/:id", "jobseeker", { from: "/min-side/arbejdsgivere", href: /^\/min-side\/arbejdsgivere\/\d+$/ }],
  ["/mine-data/adgang", "jobseeker", "/mine-data/adgang"],
  ["/jobcenter", "caseworker", "/jobcenter"],
  ["/jobcenter/overblik", "caseworker", "/jobcenter/overblik"],
  ["/jobcenter/borgere", "caseworker", "/jobcenter/borgere?email=borger%40demo.example&formaal=opfoelgning"],
  ["/jobcenter/borgere/:id", "caseworker", { from: "/jobcenter", href: /^\/jobcenter\/borgere\/\d+\?formaal=/ }],
  ["/jobcenter/virksomheder", "caseworker", "/jobcenter/virksomheder"],
  ["/jobcenter/virksomheder/:id", "caseworker", { from: "/jobcenter/virksomheder", href: /^\/jobcenter\/virksomheder\/\d+$/ }],
  ["/admin/brugere", "admin", "/admin/brugere"],
  ["/admin/regler", "admin", "/admin/regler"],
  ["/admin/sikkerhed", "admin", "/admin/sikkerhed"],
  ["/admin/virksomheder", "admin", "/admin/virksomheder"],
  ["/admin/medarbejdere", "admin", "/admin/medarbejdere"],
  ["/admin/anmeldelser", "admin", "/admin/anmeldelser"],
  ["/admin/import", "admin", "/admin/import"],
];

/// States beyond a page's first look, by who sees them: an address, and what to do there.
const STATES: [string, Role, string, (page: Page) => Promise<void>][] = [
  ["an empty result", "anonymous", "/job?q=xqzvbnmkjh", async () => {}],
  ["the map of a radius search", "anonymous", "/job?q=p%C3%A6dagog&naer=8000&km=50", async (page) => {
    await expect(page.locator(".result-map svg")).toBeVisible();
  }],
  ["a sign-in with the wrong password", "anonymous", "/log-ind", async (page) => {
    await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill("borger@demo.example");
    await page.getByLabel("Adgangskode").fill("forkert forkert");
    await page.getByRole("button", { name: "Log ind" }).click();
    await expect(page.locator(".form-error-message").first()).toBeVisible();
  }],
  ["a sign-up with errors", "anonymous", "/opret/borger", async (page) => {
    await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill("ikke en adresse");
    await page.getByRole("button", { name: "Opret" }).click();
    await expect(page.locator(".form-error-message").first()).toBeVisible();
  }],
  ["a new vacancy with errors", "employer", "/arbejdsgiver/stillinger/ny", async (page) => {
    await page.getByLabel("Postnummer").fill("0000");
    await page.getByRole("button", { name: "Opret stillingen" }).click();
    await expect(page.locator(".form-error-message").first()).toBeVisible();
  }],
  ["a joblog entry with errors", "jobseeker", "/min-side/joblog/aktivitet", async (page) => {
    await page.locator("form button[type=submit]").last().click();
    await expect(page.locator(".form-error-message").first()).toBeVisible();
  }],
];

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// Runs axe-core over what `page` shows. axe is a script, so a page without
/// JavaScript is checked as a copy: its HTML, scripts removed, served at its own
/// address to `checker` (a page with JavaScript), so the styles and the DOM are
/// exactly the server's. The WCAG rules, and the one axe keeps experimental that
/// the issue named (a link's name must contain its visible words, 2.5.3).
async function axe(page: Page, checker: Page | null, what: string): Promise<void> {
  let target = page;
  if (checker) {
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    const url = page.url();
    await checker.unrouteAll();
    await checker.route(url, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
    await checker.goto(url);
    target = checker;
  }
  // Only violations are collected: the other result types cost most of axe's time.
  const results = await new AxeBuilder({ page: target })
    .withTags(TAGS)
    .options({ rules: { "label-content-name-mismatch": { enabled: true } }, resultTypes: ["violations"] })
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`,
  );
  expect(found, `${what}: ${page.url()}`).toEqual([]);
}

async function as(page: Page, role: Role): Promise<void> {
  if (role !== "anonymous") await signIn(page, ACCOUNTS[role]);
}

/// The addresses of a page, reached as `reach` says.
async function addresses(page: Page, reach: Reach): Promise<string[]> {
  if (typeof reach === "string") return [reach];
  await page.goto(reach.from);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const matching = [...new Set(hrefs.filter((h) => reach.href.test(h)))];
  expect(matching.length, `a link like ${reach.href} on ${reach.from}`).toBeGreaterThan(0);
  return (reach.all ? matching : matching.slice(0, 1)).map((h) => {
    const u = new URL(h, "http://x");
    return u.pathname + (reach.then ?? "") + (reach.then ? "" : u.search);
  });
}

/// Loads each page of `role` and runs `check` on it (hydrated, with JavaScript).
async function everyPage(page: Page, testInfo: TestInfo, role: Role, check: (page: Page, what: string) => Promise<void>): Promise<void> {
  await as(page, role);
  for (const [pattern, who, reach] of PAGES.filter(([, who]) => who === role)) {
    if (pattern === "/log-ind/kode") {
      // The code page shows only after the password step of a staff member.
      await page.goto("/log-ind");
      await page.getByRole("textbox", { name: "E-mailadresse (skal udfyldes)" }).fill(ACCOUNTS.caseworker);
      await page.getByLabel("Adgangskode").fill(PASSWORD);
      await page.getByRole("button", { name: "Log ind" }).click();
      await expect(page).toHaveURL(/\/log-ind\/kode/);
      await check(page, `${pattern} as ${who}`);
      continue;
    }
    for (const address of await addresses(page, reach)) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBeLessThan(400);
      await ready(page, testInfo);
      await check(page, `${pattern} as ${who}`);
    }
  }
}

/// A page with JavaScript to check copies of pages without it (see `axe`).
async function checkerFor(browser: Browser, testInfo: TestInfo): Promise<Page | null> {
  if (testInfo.project.name !== "nojs") return null;
  const context = await browser.newContext({ javaScriptEnabled: true, locale: "da-DK" });
  return context.newPage();
}

/// Where screenshots go, by project.
function shots(testInfo: TestInfo, kind: string): string {
  const dir = path.join(__dirname, "..", "..", "target", "screenshots", kind, testInfo.project.name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/// The page does not scroll sideways, and no element cuts its text off: a box that
/// hides what overflows it is no narrower than its content (the visually hidden
/// texts for screen readers excepted, which are one pixel by design).
async function fits(page: Page, what: string): Promise<void> {
  const wide = await page.evaluate(() => {
    const view = document.documentElement.clientWidth;
    // The boxes reaching past the screen's edge whose children do not: the culprits.
    const past = (el: Element) => el.getBoundingClientRect().right > view + 1;
    // Inside a box that scrolls or clips sideways, reaching past the edge is that box's business.
    const contained = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") return true;
      }
      return false;
    };
    const culprits = Array.from(document.body.querySelectorAll("*"))
      .filter((el) => past(el) && !Array.from(el.children).some(past) && !el.closest(".sr-only, .skipnav") && !contained(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""}`);
    return { doc: document.documentElement.scrollWidth, view, culprits };
  });
  expect(wide.doc, `${what}: the page is wider than the screen (${wide.culprits.join(", ")})`).toBeLessThanOrEqual(wide.view + 1);
  const cut = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      if (el.closest(".sr-only, .skipnav, svg, [hidden]")) continue;
      const s = getComputedStyle(el);
      const hides = ["hidden", "clip"].includes(s.overflowX) || s.textOverflow === "ellipsis";
      if (hides && el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? "").trim() !== "") {
        out.push(`${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? "").trim().slice(0, 40)}`);
      }
    }
    return out;
  });
  expect(cut, `${what}: text cut off`).toEqual([]);
}

/// At 320 CSS px (with a screenshot kept) and with text at twice its size in an
/// ordinary window, then back to the ordinary window. Layout is the style sheet's
/// alone, so this runs once, in the project without JavaScript.
async function reflows(page: Page, what: string, screenshot: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  await fits(page, `${what} at 320 px`);
  // The way around stays on a phone (the system would hide it in a scripted drawer).
  await expect(page.getByRole("navigation", { name: "Hovednavigation" }), `${what}: main menu at 320 px`).toBeVisible();
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  // The design system sizes text in rem: doubling the root's size doubles every text.
  await page.evaluate(() => {
    const root = document.documentElement;
    root.style.setProperty("font-size", `${parseFloat(getComputedStyle(root).fontSize) * 2}px`, "important");
  });
  await fits(page, `${what} at 200 % text`);
}

for (const role of ["anonymous", "jobseeker", "employer", "caseworker", "admin"] as Role[]) {
  test(`every page as ${role}: axe-core's WCAG 2.1 AA rules, and reflow at 320 px and 200 % text`, async ({ page, browser }, testInfo) => {
    test.setTimeout(300_000);
    const checker = await checkerFor(browser, testInfo);
    const dir = checker ? shots(testInfo, "reflow-320px") : "";
    let n = 0;
    await everyPage(page, testInfo, role, async (page, what) => {
      await axe(page, checker, what);
      if (checker) {
        n += 1;
        const name = `${role}-${String(n).padStart(2, "0")}-${what.split(" ")[0].replace(/[^a-z0-9]+/gi, "_")}.png`;
        await reflows(page, what, path.join(dir, name));
      }
    });
  });
}

test("states pass too: errors, an empty result, the map", async ({ page, context, browser }, testInfo) => {
  test.setTimeout(240_000);
  const checker = await checkerFor(browser, testInfo);
  for (const role of ["anonymous", "employer", "jobseeker"] as Role[]) {
    await context.clearCookies();
    await as(page, role);
    for (const [what, , address, act] of STATES.filter(([, who]) => who === role)) {
      await page.goto(address);
      await ready(page, testInfo);
      await act(page);
      await axe(page, checker, what);
    }
  }
});
