// A person's path through Swagger UI: open it, press Authorize, paste the credential, and execute
// the create calls with their examples as they are. Runs headless Debian Chromium via
// playwright-core. Environment: DBPLANE_URL, HARNESS_KEY, PS_TOKEN (optional until the
// PlanetScale family is served).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.env.DBPLANE_URL ?? 'http://127.0.0.1:8080';
let browser;
let page;

before(async () => {
  browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'dbplane-chromium-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  await page.goto(`${base}/swagger-ui/index.html`);
  await page.locator('.opblock').first().waitFor();
});

after(async () => {
  await browser?.close();
});

async function showGroup(label) {
  await page.locator('.topbar select').selectOption({ label });
  await page.locator('.opblock').first().waitFor();
}

async function authorize(schemeName, value) {
  await page.locator('.auth-wrapper .authorize').first().click();
  const modal = page.locator('.modal-ux');
  const section = modal.locator('.auth-container').filter({ hasText: schemeName });
  await section.locator('input').first().fill(value);
  await section.locator('button.authorize').click();
  await modal.locator('.modal-ux-header button.close-modal').click();
}

async function execute(method, path) {
  const operation = page.locator(`.opblock-${method.toLowerCase()}`)
    .filter({ has: page.locator(`.opblock-summary-path[data-path="${path}"]`) }).first();
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('button.try-out__btn').click();
  await operation.locator('button.execute').click();
  const status = operation.locator('.live-responses-table tr.response .response-col_status').first();
  await status.waitFor();
  return (await status.innerText()).trim();
}

test('a person authorizes with a Harness API key and creates a schema and an instance', async () => {
  await showGroup('Harness Database DevOps');
  await authorize('x-api-key', process.env.HARNESS_KEY);

  assert.equal(await execute('POST', '/v1/orgs/{org}/projects/{project}/dbschema'), '201');
  assert.equal(await execute('POST', '/v1/orgs/{org}/projects/{project}/dbschema/{dbschema}/instance'), '201');
});

test('a person authorizes with a PlanetScale service token and creates a database', async () => {
  await showGroup('PlanetScale');
  await authorize('serviceToken', process.env.PS_TOKEN);

  assert.equal(await execute('POST', '/v1/organizations/{organization}/databases'), '201');
});
