import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundle, operations, type SpecOperation, type SpecWebhook, webhooks } from "@laml/spec";
import { CHROMIUM_ARGS, ensureChromium } from "@laml/test-runtimes/ensure-chromium";
import { startRefusingProxy } from "@laml/test-runtimes/start-refusing-proxy";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { distDir } from "../scripts/serve-docs.mjs";
import { startStaticServer } from "../scripts/start-static-server.mjs";

const spec = bundle;

let server: Awaited<ReturnType<typeof startStaticServer>>;
let proxy: Awaited<ReturnType<typeof startRefusingProxy>>;
let workDir = "";
let context: BrowserContext;
let page: Page;
/** Every request for another host (blocked), every failed request, every error the page logs. */
const otherHosts: string[] = [];
const failures: string[] = [];
const pageErrors: string[] = [];

// Installing Chromium with apt-get on a fresh machine takes minutes, not seconds.
beforeAll(async () => {
  const executablePath = ensureChromium();
  server = await startStaticServer({ root: distDir });
  const origin = new URL(server.url).origin;
  workDir = await mkdtemp(join(tmpdir(), "laml-docs-browser-"));
  // The route below blocks the page's requests for other hosts and records them; the proxy
  // refuses the browser's own (update checks, Google accounts), which no route sees.
  proxy = await startRefusingProxy();
  context = await chromium.launchPersistentContext(join(workDir, "profile"), {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    proxy: { server: proxy.origin, bypass: "127.0.0.1" },
    viewport: { width: 1400, height: 900 },
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    otherHosts.push(url);
    return route.abort("blockedbyclient");
  });
  // A Content-Security-Policy violation is no request and no page error; make it a logged one.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("requestfailed", (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.url()}: HTTP ${response.status()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(server.url);
}, 600_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  await proxy?.close();
  await rm(join(workDir, "profile"), { recursive: true, force: true });
});

/** Waits for `locator` to be visible; fails with Playwright's account of what it saw if it never is. */
async function expectVisible(locator: Locator) {
  await locator.waitFor({ state: "visible" });
  expect(await locator.isVisible()).toBe(true);
}

/**
 * How long to wait for Redoc to render after a click: vitest's default second is too short when
 * CI runs every package's tests at once on two cores.
 */
const RENDERED = { timeout: 20_000 };

/** `text` with every run of white space as one space, as a page's text may wrap or indent it. */
const normalizeSpace = (text: string) => text.replace(/\s+/g, " ").trim();

/** `text` as a regular expression that matches exactly it. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A heading reading `text`; Redoc prefixes the name of a linkable one with "link to <anchor> ", and
 * a webhook's with a "Webhook" badge after it.
 */
function heading(scope: Page | Locator, text: string) {
  const name = escapeRegExp(text);
  return scope.getByRole("heading", { name: new RegExp(`^(link to .+ )?${name}( ?Webhook)?$`) });
}

/** Opens an operation or a webhook from the sidebar, as a reader would; resolves with its section. */
async function open({ summary, method, raw }: SpecOperation | SpecWebhook) {
  if (!summary) throw new Error(`${method} has no summary to find it by in the sidebar`);
  // The sidebar entry reads as the summary followed by the method's badge, under its tag's entry.
  const link = page.getByRole("link", { name: new RegExp(`^${escapeRegExp(summary)} ?${method}$`, "i") });
  const tag = raw.tags?.[0] ?? spec.tags?.[0]?.name;
  if (!(await link.isVisible())) await page.getByRole("link", { name: String(tag), exact: true }).click();
  await link.click();
  const section = page.locator("[data-section-id]").filter({ has: heading(page, summary) });
  await expect.poll(() => section.count(), RENDERED).toBe(1);
  return section;
}

describe("the docs in Chromium, served from 127.0.0.1 with every other host blocked", () => {
  test("show the spec's title and every section of its introduction", async () => {
    await expectVisible(page.getByRole("heading", { name: spec.info.title }).first());
    const sections = [...String(spec.info.description).matchAll(/^## (.+)$/gm)].map(([, title]) => String(title));
    expect(sections).toEqual(expect.arrayContaining(["Authentication", "Paging", "Errors"]));
    for (const title of sections) {
      await expectVisible(heading(page, title));
    }
  });

  test("list every error code the spec's responses use in the error table", async () => {
    const codes = new Set<number>();
    for (const { responses } of operations) {
      for (const response of Object.values<any>(responses)) {
        const code = response.content?.["application/json"]?.example?.code;
        if (typeof code === "number") codes.add(code);
      }
    }
    expect(codes.size).toBeGreaterThan(0);
    for (const code of codes) {
      await expectVisible(page.getByRole("cell", { name: String(code), exact: true }));
    }
  });

  test.each(operations.map((o) => [o.summary, o] as const))("show the operation %s", async (_, operation) => {
    const section = await open(operation);
    await expectVisible(heading(section, String(operation.summary)));
  });

  test("expand a response schema's nested object on click", async () => {
    // The first property of a 200 response that holds objects, and a field only those objects have.
    const found = operations.flatMap((operation) => {
      const schema: any = operation.responses["200"]?.content?.["application/json"]?.schema;
      return Object.entries<any>(schema?.properties ?? {}).flatMap(([name, property]) => {
        const nested = Object.keys(property.items?.properties ?? property.properties ?? {});
        const field = nested.find((key) => !(key in schema.properties));
        return field ? [{ operation, name, field }] : [];
      });
    })[0];
    if (!found) throw new Error("no response schema with a nested object in the spec");
    const section = await open(found.operation);
    const property = section
      .locator("div[id]")
      .filter({ has: page.locator(":scope > div").getByText(found.name, { exact: true }) })
      .last();
    const toggle = property.locator(":scope > [data-schema-nested-open]");
    const nestedField = property.getByText(found.field, { exact: true }).first();
    await property.scrollIntoViewIfNeeded();
    if ((await toggle.getAttribute("data-schema-nested-open")) === "true") {
      await toggle.getByRole("button").click();
      await nestedField.waitFor({ state: "hidden" });
    }
    await toggle.getByRole("button").click();
    expect(await toggle.getAttribute("data-schema-nested-open")).toBe("true");
    await expectVisible(nestedField);
  });

  test.each(operations.map((o) => [o.summary, o] as const))(
    "show the TypeScript and curl samples of %s",
    async (_, operation) => {
      const section = await open(operation);
      const panel = section.locator(".panel-request-samples");
      const labels = operation.codeSamples.map((sample) => sample.label ?? sample.lang);
      // The language menu's button is named after the language shown, whichever it is.
      const languages = panel.getByRole("button", { name: new RegExp(`^(${labels.map(escapeRegExp).join("|")})$`) });
      for (const [i, sample] of operation.codeSamples.entries()) {
        await languages.click();
        await page.getByRole("menuitem", { name: labels[i], exact: true }).click();
        // The line that does the work: the client call, or the curl command.
        const line = sample.source.split("\n").find((text) => /laml\.\w+\.\w+\(|^curl /.test(text));
        if (!line) throw new Error(`${operation.operationId}'s ${labels[i]} sample calls nothing`);
        await expect.poll(() => panel.getByTestId("source-code").textContent(), RENDERED).toContain(line.trim());
      }
      if (operation === operations.at(-1)) {
        const screenshot = join(workDir, "docs.png");
        await page.screenshot({ path: screenshot });
        console.log(`screenshot of the docs: ${screenshot}`);
      }
    },
  );

  // Redoc shows a webhook's payload examples but not its x-codeSamples: the docs build puts the
  // samples into the webhook's description (docs-spec.mjs), so both are checked here.
  test.each(webhooks.map((w) => [w.summary, w] as const))(
    "show the webhook %s with its code samples and a payload example of every event",
    async (_, webhook) => {
      const section = await open(webhook);
      await expectVisible(heading(section, String(webhook.summary)));
      expect(webhook.codeSamples.length).toBeGreaterThan(0);
      for (const sample of webhook.codeSamples) {
        const code = section.locator("pre").filter({ hasText: sample.source.split("\n")[0] });
        await expectVisible(code);
        const shown = normalizeSpace(String(await code.textContent()));
        for (const line of sample.source.split("\n").filter((text) => text.trim())) {
          expect(shown).toContain(normalizeSpace(line));
        }
      }
      const form = webhook.raw.requestBody?.content["application/x-www-form-urlencoded"];
      const examples = Object.values(form?.examples ?? {});
      expect(examples.length).toBeGreaterThan(0);
      const panel = section.locator(".panel-request-samples");
      for (const example of examples) {
        await panel.getByRole("button", { name: "Example" }).click();
        await page.getByRole("menuitem", { name: String(example.summary), exact: true }).click();
        const event = (example.value as Record<string, string>).StatusCallbackEvent;
        await expect
          .poll(() => panel.getByTestId("source-code").textContent(), RENDERED)
          .toContain(`StatusCallbackEvent=${event}`);
      }
    },
  );

  test("load nothing from another host, and no request or script fails", () => {
    expect(otherHosts).toEqual([]);
    expect(failures).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
