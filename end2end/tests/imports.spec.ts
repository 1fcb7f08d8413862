import { test, expect } from "@playwright/test";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { isoDaysAhead, letters, SHORT, signIn, untilShown } from "./helpers";

// Vacancies in, with and without JavaScript: an administrator registers a JSON
// feed of schema.org JobPostings that the test serves on this machine, fetches
// it, reads the run's report (one added, one skipped and why), and the imported
// vacancy is found on the search page.

let feed: Server;
const word = `Havnelods${letters(8)}`;

test.beforeAll(async () => {
  const postings = [
    {
      "@context": "https://schema.org",
      "@type": "JobPosting",
      identifier: `L-${word}`,
      title: `${word} til Marstal Havn`,
      description: "<p>Vi søger en lods, der kender farvandet omkring Ærø og kan tage vagter.</p>",
      hiringOrganization: { "@type": "Organization", name: "Lodseriet" },
      jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", postalCode: "5960", addressLocality: "Marstal" } },
      employmentType: "FULL_TIME",
      validThrough: isoDaysAhead(30),
      url: "https://lodseriet.example/job/1",
    },
    { "@type": "JobPosting", identifier: "L-2", title: "Uden sted", hiringOrganization: "Lodseriet", description: "Ingen adresse." },
  ];
  feed = createServer((_, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(postings));
  });
  await new Promise<void>((done) => feed.listen(0, "127.0.0.1", done));
});

test.afterAll(async () => {
  await new Promise((done) => feed.close(done));
});

test("an administrator adds a feed, fetches it, and its vacancy is found", async ({ page }, testInfo) => {
  const port = (feed.address() as AddressInfo).port;
  const name = `Lodseriet ${testInfo.project.name} ${letters(4)}`;
  await signIn(page, "admin@demo.example");
  await page.goto("/admin/import");
  await page.getByLabel("Navn").fill(name);
  await page.getByLabel("Adresse").fill(`http://127.0.0.1:${port}/jobs.json`);
  await page.getByLabel("Format").selectOption("json");
  await page.getByRole("button", { name: "Tilføj kilden" }).click();
  await expect(page.locator(".alert-success")).toContainText("Gemt");
  const source = page.locator(".import-source", { has: page.getByRole("heading", { name }) });
  await expect(source).toContainText("Ikke hentet endnu.");
  await source.getByRole("button", { name: /^Hent nu/ }).click();
  const report = page.locator(".import-source", { has: page.getByRole("heading", { name }) });
  await expect(report.locator(".import-run").first()).toContainText("complete");
  await expect(report.locator(".import-skips")).toContainText("uden postnummer");

  await untilShown(page, `/job?q=${encodeURIComponent(word)}`, () => expect(page.locator(".result-title")).toHaveCount(1, SHORT), 20_000);
  await expect(page.locator(".result-title")).toContainText("til Marstal Havn");
});
