import { test, expect } from "@playwright/test";
import Validator from "@adobe/structured-data-validator";
import WebAutoExtractor from "@marbec/web-auto-extractor";
import { letters, postVacancy, signIn } from "./helpers";

// A vacancy's page as a search engine reads it: its JobPosting JSON-LD passes an
// independent validator with Google's rules for job postings (Adobe's
// structured-data-validator; the schema.org vocabulary check needs the
// vocabulary from the internet, which tests do not reach), also when the
// employer's text tries to end the script element.

test("a vacancy's JSON-LD passes Google's JobPosting rules, whatever the employer wrote", async ({ page, request }, testInfo) => {
  const title = `Smed ${letters(6)} </script><script>alert(1)</script>`;
  await signIn(page, "arbejdsgiver@demo.example");
  const path = await postVacancy(page, testInfo, title, "Vi søger en smed. Skriv </script> og <!-- hvad du vil --> i din ansøgning.");

  const html = await (await request.get(path)).text();
  expect(html).not.toContain("<script>alert(1)");
  const extracted = new WebAutoExtractor({ addLocation: true, embedSource: ["rdfa", "microdata"] }).parse(html);
  const postings = extracted.jsonld?.JobPosting ?? [];
  expect(postings).toHaveLength(1);
  expect(postings[0].title).toBe(title);
  const issues = await new Validator().validate(extracted);
  expect(issues.filter((i: { severity: string }) => i.severity === "ERROR")).toEqual([]);
  // Google's recommended fields are there too, but for salary and remote work we do not know.
  const missing = issues.map((i: { fieldNames?: string[] }) => (i.fieldNames ?? []).join(",")).sort();
  expect(missing).toEqual(["applicantLocationRequirements", "baseSalary", "jobLocationType"]);

  // Search engines are told where the vacancies are.
  expect(await (await request.get("/robots.txt")).text()).toContain("Sitemap:");
  expect(await (await request.get("/sitemap.xml")).text()).toContain("/sitemaps/0</loc>");
});
