import { test, expect } from "@playwright/test";
import { letters, postVacancy, ready, SHORT, signIn, signOut, untilShown } from "./helpers";

// Two nodes over one PostgreSQL database, each with its own index fed by the
// outbox (.ci/e2e starts them; NODE_A and NODE_B are their addresses). What is
// written on one node is found on the other once its indexer has caught up, a
// session made on one holds on the other, and each background job runs on one
// node only.

const nodeA = process.env.NODE_A || "http://127.0.0.1:3109";
const nodeB = process.env.NODE_B || "http://127.0.0.1:3110";

// Written on node A (the base address here), read on node B. Both are on
// 127.0.0.1, so the browser sends the session cookie made on one to the other.
test.describe("node by node", () => {
  test.use({ baseURL: nodeA });

  test("a vacancy posted on one node is found on the other", async ({ page }, testInfo) => {
    const word = `Kajmester${letters(8)}`;
    await signIn(page, "arbejdsgiver@demo.example");
    const address = await postVacancy(
      page,
      { project: testInfo.project },
      word,
      "Vi søger en kajmester til havnen, der kan fordele pladserne og tale med skipperne.",
    );
    expect(address).toMatch(/\/job\/\d+/);
    // Node B's index has it once its indexer has read the outbox (about a second).
    await untilShown(page, `${nodeB}/job?q=${encodeURIComponent(word)}`, () =>
      expect(page.locator(".result-title")).toHaveText([word], SHORT),
    );
    await page.getByRole("link", { name: word }).click();
    await expect(page).toHaveURL(new RegExp(`^${nodeB}/job/\\d+`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(word);
  });

  test("a CV changed on one node is found by an employer on the other", async ({ page }, testInfo) => {
    const skill = `Kranfører${letters(8)}`;
    await signIn(page, "borger@demo.example");
    await page.goto("/min-side/cv");
    await page.getByRole("link", { name: "Rediger: Kompetencer, sprog og kørekort" }).click();
    await ready(page, testInfo);
    const skills = page.getByRole("textbox", { name: /^Kompetencer/ });
    const before = await skills.inputValue();
    await skills.fill(`${before}\n${skill}`.trim());
    await page.getByRole("button", { name: "Gem" }).click();
    await expect(page).toHaveURL(/\/min-side\/cv\?gemt=1$/);
    await signOut(page);

    // Signed in on A, searching on B: the session is in the database, not the node.
    await signIn(page, "arbejdsgiver@demo.example");
    await untilShown(page, `${nodeB}/arbejdsgiver/kandidater?q=${encodeURIComponent(skill)}`, () =>
      expect(page.locator(".result-count")).toHaveText(/^1 kandidat\b/, SHORT),
    );
    await page.locator(".result-title a").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mette Hansen");
    await expect(page.locator("main")).toContainText(skill);
  });
});

test("each background job runs on one node, and the other leaves it", async ({ request }) => {
  const scrape = async (node: string) => {
    const res = await request.get(`${node}/metrics`, { headers: { Authorization: "Bearer e2e-metrics-token" } });
    expect(res.status()).toBe(200);
    return await res.text();
  };
  const value = (text: string, metric: string, job: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${metric}{job="${job}"} `));
    return line ? Number(line.split(" ")[1]) : 0;
  };
  for (const job of ["escalation_scan", "checks", "job_agents", "candidate_agents", "imports", "mail"]) {
    // Each node ran its first turn at start; the second found the first's lease.
    await expect(async () => {
      const [a, b] = [await scrape(nodeA), await scrape(nodeB)];
      const runs = [value(a, "jobunivers_job_runs_total", job), value(b, "jobunivers_job_runs_total", job)];
      const skipped = [value(a, "jobunivers_job_skipped_total", job), value(b, "jobunivers_job_skipped_total", job)];
      expect(runs.filter((n) => n > 0), `${job}: runs ${runs}`).toHaveLength(1);
      const runner = runs[0] > 0 ? 0 : 1;
      expect(skipped[1 - runner], `${job}: the other node left it`).toBeGreaterThan(0);
      expect(skipped[runner], `${job}: the runner never stood back`).toBe(0);
    }).toPass({ timeout: 10_000 });
  }
  // Both indexes hold the same vacancies and neither lags behind the outbox.
  await expect(async () => {
    const [a, b] = [await scrape(nodeA), await scrape(nodeB)];
    const docs = (t: string) => t.split("\n").find((l) => l.startsWith("jobunivers_index_documents "));
    expect(docs(a)).toBe(docs(b));
    expect(a).toContain("\njobunivers_index_lag 0\n");
    expect(b).toContain("\njobunivers_index_lag 0\n");
  }).toPass({ timeout: 10_000 });
});

test("the round-robin proxy spreads one session's pages over both nodes", async ({ page }) => {
  // Through CLUSTER_URL each request goes to the next node; the session holds.
  await signIn(page, "borger@demo.example");
  // One request each (a page in the browser also fetches its stylesheet and
  // script, which would make the count of requests per page decide the node),
  // with the page itself quiet.
  await page.goto("about:blank");
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const res = await page.request.get("/min-side", { maxRedirects: 0 });
    expect(res.status(), "signed in on whichever node answers").toBe(200);
    seen.add(res.headers()["x-cluster-node"] ?? "");
  }
  expect(seen.size, `answered by ${[...seen]}`).toBe(2);
});
