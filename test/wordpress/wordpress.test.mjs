// The WordPress plugin on a real WordPress (Debian's 6.1 + MariaDB, test/wordpress/site.mjs): the
// zip from `npm run build` installed and activated, its settings pointed at the project's mock API
// (served from Node on loopback), a patient user, and Chromium driven through the settings, the
// three elements signed in and out, the token route and uninstalling. Run by scripts/test-wordpress.mjs.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startMockServer } from '../../scripts/mock-server.mjs';
import { findChrome, CHROME_ARGS } from '../../scripts/find-chrome.mjs';
import { startWordPress, phpLint } from './site.mjs';

const ZIP = join(process.cwd(), 'dist/vsee-clinic-wordpress.zip');
const SHOTS = join(process.cwd(), 'screenshots/wordpress');
const SECRET = 'demo-api-secret';
const WRONG_SECRET = 'wrong-secret-7f3a9c';
const ADMIN = { user: 'admin', password: 'admin-pass-123' };
const PATIENT = { user: 'ana', password: 'ana-pass-123' };
const TENANT = 'wp';

let wp;
let mock;
let browser;
/** Every text the browser received (pages, scripts, JSON), to prove the secret is in none. */
const received = [];
const ids = {};

async function newContext() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  context.on('response', async (res) => {
    const type = res.headers()['content-type'] || '';
    if (!/html|javascript|json|css|text/.test(type)) return;
    try {
      received.push({ url: res.url(), text: await res.text() });
    } catch {
      /* a redirect has no body */
    }
  });
  return context;
}

async function signIn(page, who) {
  await page.goto(`${wp.origin}/wp-login.php`);
  await page.fill('#user_login', who.user);
  await page.fill('#user_pass', who.password);
  await page.click('#wp-submit');
  await page.waitForURL((url) => !url.pathname.startsWith('/wp-login.php'), { timeout: 15000 });
}

const mockLog = async () => (await fetch(`${mock.origin}/mock/${TENANT}/__control/log`)).json();
const settingsUrl = () => `${wp.origin}/wp-admin/options-general.php?page=vsee-clinic`;

before(async () => {
  mock = await startMockServer();
  wp = await startWordPress({ admin: ADMIN });
  wp.php(`
    WP_Filesystem();
    require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
    $up = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
    if ( true !== $up->install( ${JSON.stringify(ZIP)} ) ) { fwrite( STDERR, 'install failed' ); exit( 1 ); }
  `);
  const out = wp.php(`
    $err = activate_plugin( 'vsee-clinic/vsee-clinic.php' );
    if ( is_wp_error( $err ) ) { fwrite( STDERR, $err->get_error_message() ); exit( 1 ); }
    update_option( 'permalink_structure', '/%postname%/' );
    flush_rewrite_rules();
    $patient = wp_insert_user( array( 'user_login' => 'ana', 'user_pass' => '${PATIENT.password}', 'user_email' => 'ana@example.test',
      'first_name' => 'Ana', 'last_name' => 'Ruiz', 'role' => 'subscriber', 'show_admin_bar_front' => 'false' ) );
    $page = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Online visits', 'post_name' => 'visits',
      'post_content' => "[vsee_intake_form clinic-url=\\"https://attacker.example\\"]\\n\\n[vsee_slot_picker days=\\"3\\"]\\n\\n[vsee_visit_list show-current]" ) );
    $blocks = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Blocks', 'post_name' => 'blocks',
      'post_content' => '<!-- wp:vsee-clinic/slot-picker {"days":"2","mode":"select"} /-->' . "\\n" . '<!-- wp:vsee-clinic/visit-list {"filter":"upcoming","showCurrent":true} /-->' ) );
    kses_remove_filters(); // the hostile page keeps its payload as an author with unfiltered_html would
    $hostile = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Hostile', 'post_name' => 'hostile',
      'post_content' => "[vsee_slot_picker days='3\\" onmouseover=\\"alert(1)' provider-id='<img src=x onerror=alert(3)>' onclick=\\"alert(2)\\" api-base=\\"https://evil.example\\"]" ) );
    echo wp_json_encode( compact( 'patient', 'page', 'blocks', 'hostile' ) );
  `);
  Object.assign(ids, JSON.parse(out));
  browser = await chromium.launch({
    executablePath: findChrome(),
    headless: true,
    args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')),
  });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close().catch(() => {});
  await wp?.stop();
  await mock?.stop();
});

describe('the VSee Clinic plugin on WordPress', () => {
  test('every PHP file of the installed plugin passes php -l', () => {
    const dir = join(wp.root, 'wp-content/plugins/vsee-clinic');
    const php = (d) =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? php(join(d, e.name)) : e.name.endsWith('.php') ? [join(d, e.name)] : [],
      );
    const files = php(dir);
    assert.ok(files.length >= 8, `PHP files found: ${files.length}`);
    assert.deepEqual(phpLint(files), []);
    assert.ok(readdirSync(join(dir, 'cdn')).includes('vsee-clinic-elements.js'), 'the built elements are inside the zip');
  });

  test('Settings → VSee Clinic: a wrong secret fails Test connection in plain words, the right one connects', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ADMIN);
    await page.goto(settingsUrl());
    await page.check('input[name="vsee_clinic_settings[api_base]"][value="custom"]');
    await page.fill('#vsee-clinic-api_base_url', `${mock.origin}/mock/${TENANT}/api_v3`);
    await page.fill('#vsee-clinic-account_code', 'vclinic');
    await page.fill('#vsee-clinic-room_code', 'ceproom1');
    await page.fill('#vsee-clinic-api_key', 'demo-api-key');
    await page.fill('#vsee-clinic-api-secret', WRONG_SECRET);
    await page.fill('#vsee-clinic-clinic_url', 'https://sunrise.vsee.example');
    await page.check('input[name="vsee_clinic_settings[join_target]"][value="new"]');
    await Promise.all([page.waitForNavigation(), page.click('#submit')]);
    assert.match(await page.textContent('#setting-error-settings_updated'), /Settings saved/);
    assert.equal(await page.inputValue('#vsee-clinic-api-secret'), '', 'the secret is never put back in the form');
    assert.equal(await page.getAttribute('#vsee-clinic-api-secret', 'type'), 'password');

    await Promise.all([page.waitForNavigation(), page.click('#vsee-clinic-test')]);
    const wrong = await page.textContent('#vsee-clinic-test-result');
    assert.match(wrong, /Not connected\. VSee refused the API key, the API secret or the account code/);
    assert.equal(await page.getAttribute('#vsee-clinic-test-result', 'role'), 'alert');

    await page.fill('#vsee-clinic-api-secret', SECRET);
    await Promise.all([page.waitForNavigation(), page.click('#submit')]);
    await Promise.all([page.waitForNavigation(), page.click('#vsee-clinic-test')]);
    assert.match(
      await page.textContent('#vsee-clinic-test-result'),
      /Connected\. .*account “vclinic”.*room “ceproom1” \(VClinic UAT Room\)/,
    );

    // Saving with the secret field left empty keeps the saved secret.
    await Promise.all([page.waitForNavigation(), page.click('#submit')]);
    await Promise.all([page.waitForNavigation(), page.click('#vsee-clinic-test')]);
    assert.match(await page.textContent('#vsee-clinic-test-result'), /^Connected\./);
    await page.screenshot({ path: join(SHOTS, 'settings.png'), fullPage: true });

    // A clinic address that is not https is refused, and the previous one is kept.
    await page.fill('#vsee-clinic-clinic_url', 'http://insecure.example');
    await Promise.all([page.waitForNavigation(), page.click('#submit')]);
    assert.match(await page.textContent('.notice-error, .error'), /must start with https:\/\//);
    assert.equal(await page.inputValue('#vsee-clinic-clinic_url'), 'https://sunrise.vsee.example');

    // The SSO calls carried the key and secret as headers, and a wrong secret was refused with 401.
    const sso = (await mockLog()).filter((e) => e.path === '/users/sso');
    assert.deepEqual(
      sso.map((e) => e.status),
      [401, 200, 200],
    );
    assert.equal(sso[1].body.code, 'wp-connection-test');
    await context.close();
  });

  test('signed in: the three elements work — the form submits, a time is booked, the visit list shows it', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, PATIENT);
    await page.goto(`${wp.origin}/visits/`);
    await page.waitForSelector('vsee-intake-form textarea#reason', { timeout: 15000 });
    await page.waitForSelector('vsee-slot-picker [part~="slot"]', { timeout: 15000 });
    await page.waitForSelector('vsee-visit-list li.visit', { timeout: 15000 });

    const attrs = await page.evaluate(() =>
      [...document.querySelectorAll('vsee-intake-form, vsee-slot-picker, vsee-visit-list')].map((el) =>
        Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
      ),
    );
    assert.equal(attrs.length, 3);
    for (const a of attrs) {
      assert.equal(a['api-base'], `${mock.origin}/mock/${TENANT}/api_v3`);
      assert.equal(a['account-code'], 'vclinic');
      assert.equal(a['room-code'], 'ceproom1');
      assert.equal(a.locale, 'en');
      assert.equal(a.token, undefined, 'no token in the markup');
    }
    // The page's own clinic-url is dropped: Join your visit sends the patient's token there.
    assert.equal(attrs[0]['clinic-url'], 'https://sunrise.vsee.example');
    assert.equal(attrs[0]['join-target'], '_blank');
    assert.equal(attrs[1].days, '3');
    assert.equal(attrs[2]['show-current'], '');
    assert.equal(await page.getAttribute('script[src*="cdn/vsee-clinic-elements.js"]', 'type'), 'module');

    const upcoming = () => page.locator('vsee-visit-list section[data-section="upcoming"] li.visit').count();
    const upcomingBefore = await upcoming();
    await page.evaluate(() => {
      window.seen = {};
      for (const name of ['vsee-intake-saved', 'vsee-appointment-booked', 'vsee-error']) {
        document.addEventListener(name, (e) => (window.seen[name] = e.detail));
      }
    });
    await page.fill('vsee-intake-form textarea#reason', 'Sore throat for three days');
    await page.check('vsee-intake-form input[type="radio"][value="schedule"]');
    await page.click('vsee-intake-form [part~="submit"]');
    const intake = await (await page.waitForFunction(() => window.seen['vsee-intake-saved']?.intake, null, { timeout: 10000 })).jsonValue();
    assert.equal(intake.reason_for_visit, 'Sore throat for three days');

    await page.click('vsee-slot-picker [part~="slot"] >> nth=0');
    await page.click('vsee-slot-picker [part~="book-button"]');
    const visit = await (
      await page.waitForFunction(() => window.seen['vsee-appointment-booked']?.visit, null, { timeout: 10000 })
    ).jsonValue();
    assert.ok(visit.id);
    assert.equal(await page.evaluate(() => window.seen['vsee-error']), undefined);

    await page.reload();
    await page.waitForSelector('vsee-visit-list li.visit', { timeout: 15000 });
    assert.equal(await upcoming(), upcomingBefore + 1, 'the booked visit is in the list after a reload');
    // The list's rows skip rendering while off screen (content-visibility), which a full-page
    // capture does not undo: make the window as tall as the page instead.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1100, height: Math.min(height, 6000) });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'page-with-elements.png') });

    // Every API call carried the patient's SSO token; the page got it from one /users/sso call for Ana.
    const log = await mockLog();
    const api = log.filter((e) => e.path !== '/users/sso' && !e.path.startsWith('/rooms/'));
    assert.ok(api.length >= 4);
    for (const e of api) assert.match(e.headers['x-apitoken'] || '', /^sso-/, `${e.method} ${e.path}`);
    const mine = log.filter((e) => e.path === '/users/sso' && e.body?.code === `wp-${ids.patient}`);
    assert.equal(mine.length, 1, 'one SSO call: the token is cached per user');
    assert.deepEqual(
      { ...mine[0].body },
      { type: '200', code: `wp-${ids.patient}`, first_name: 'Ana', last_name: 'Ruiz', email: 'ana@example.test' },
    );
    await context.close();
  });

  test('signed out: a sentence and a sign-in link back to the page, in place of each element', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${wp.origin}/visits/`);
    const notices = page.locator('.vsee-clinic-notice');
    assert.equal(await notices.count(), 3);
    assert.equal(await page.locator('vsee-intake-form, vsee-slot-picker, vsee-visit-list').count(), 0);
    assert.match(await notices.first().textContent(), /Please sign in to start a visit, book a time or see your visits\./);
    const href = await notices.first().locator('a').getAttribute('href');
    assert.equal(new URL(href).pathname, '/wp-login.php');
    assert.equal(new URL(href).searchParams.get('redirect_to'), `${wp.origin}/visits/`);
    assert.equal(await page.locator('script[src*="vsee-clinic-elements"]').count(), 0, 'no elements script for a visitor');

    await Promise.all([page.waitForURL(/\/wp-login\.php\?redirect_to=/, { waitUntil: 'load' }), notices.first().locator('a').click()]);
    await page.fill('#user_login', PATIENT.user);
    await page.fill('#user_pass', PATIENT.password);
    await page.click('#wp-submit');
    await page
      .waitForURL((url) => !url.pathname.startsWith('/wp-login.php'), { timeout: 15000 })
      .catch(async () => {
        throw new Error(
          `still on the sign-in page: ${await page
            .locator('#login_error')
            .textContent()
            .catch(() => '(no error shown)')}`,
        );
      });
    assert.equal(page.url(), `${wp.origin}/visits/`);
    await page.waitForSelector('vsee-visit-list li.visit', { timeout: 15000 });
    await context.close();
  });

  test('the token route: 401 signed out, 401 without the nonce, 403 with a bad nonce, 200 with it', async () => {
    const route = `${wp.origin}/wp-json/vsee-clinic/v1/token`;
    const visitor = await newContext();
    const out = await visitor.request.post(route);
    assert.equal(out.status(), 401);
    assert.equal((await out.json()).code, 'vsee_clinic_not_signed_in');
    await visitor.close();

    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, PATIENT);
    await page.goto(`${wp.origin}/visits/`);
    const nonce = await page.evaluate(() => window.vseeClinicWp.nonce);
    assert.equal((await context.request.post(route)).status(), 401);
    const bad = await context.request.post(route, { headers: { 'X-WP-Nonce': 'abc123' } });
    assert.equal(bad.status(), 403);
    assert.equal((await bad.json()).code, 'rest_cookie_invalid_nonce');
    const ok = await context.request.post(route, { headers: { 'X-WP-Nonce': nonce } });
    assert.equal(ok.status(), 200);
    assert.match(ok.headers()['cache-control'], /\bno-store\b/);
    const body = await ok.json();
    assert.deepEqual(Object.keys(body).sort(), ['expiry', 'token']);
    assert.ok(body.expiry > Date.now() / 1000 + 3600);
    const api = await fetch(`${mock.origin}/mock/${TENANT}/api_v3/visits`, {
      headers: { 'X-AccountCode': 'vclinic', 'X-ApiToken': body.token },
    });
    assert.equal(api.status, 200);

    // The Join hand-off gets a fresh, uncached token; the page's own token stays as it was.
    const join = await (await context.request.post(route, { headers: { 'X-WP-Nonce': nonce }, data: { purpose: 'join' } })).json();
    assert.notEqual(join.token, body.token);
    assert.equal((await (await context.request.post(route, { headers: { 'X-WP-Nonce': nonce } })).json()).token, body.token);
    // Each join token costs a call to VSee: 5 a minute per user, then 429; the page's token is not limited.
    const joins = [];
    for (let i = 0; i < 5; i++)
      joins.push((await context.request.post(route, { headers: { 'X-WP-Nonce': nonce }, data: { purpose: 'join' } })).status());
    assert.deepEqual(joins, [200, 200, 200, 200, 429]);
    assert.equal((await context.request.post(route, { headers: { 'X-WP-Nonce': nonce } })).status(), 200);
    // After VSee refused the page's token (a 401), `refresh` gets a new one, which the cache then
    // answers instead of the refused one; also 5 a minute.
    const refresh = () => context.request.post(route, { headers: { 'X-WP-Nonce': nonce }, data: { purpose: 'refresh' } });
    const renewed = await (await refresh()).json();
    assert.notEqual(renewed.token, body.token);
    assert.equal((await (await context.request.post(route, { headers: { 'X-WP-Nonce': nonce } })).json()).token, renewed.token);
    const refreshes = [];
    for (let i = 0; i < 4; i++) refreshes.push((await refresh()).status());
    const limited = await refresh();
    assert.deepEqual([...refreshes, limited.status()], [200, 200, 200, 200, 429]);
    assert.equal((await limited.json()).code, 'vsee_clinic_too_many_refreshes');
    assert.equal((await context.request.get(route, { headers: { 'X-WP-Nonce': nonce } })).status(), 404, 'POST only');
    await context.close();
  });

  test('blocks render the same elements with their attributes; the editor offers the three blocks', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ADMIN);
    await page.goto(`${wp.origin}/blocks/`);
    const picker = page.locator('vsee-slot-picker');
    assert.equal(await picker.getAttribute('days'), '2');
    assert.equal(await picker.getAttribute('mode'), 'select');
    assert.equal(await page.locator('vsee-visit-list').getAttribute('filter'), 'upcoming');
    assert.equal(await page.locator('vsee-visit-list').getAttribute('show-current'), '');

    await page.goto(`${wp.origin}/wp-admin/post-new.php?post_type=page`);
    const types = await (
      await page.waitForFunction(
        () => {
          const get = (n) => window.wp?.blocks?.getBlockType(n);
          const all = ['vsee-clinic/intake-form', 'vsee-clinic/slot-picker', 'vsee-clinic/visit-list'].map(get);
          return all.every(Boolean) && all.map((t) => ({ name: t.name, title: t.title, attributes: Object.keys(t.attributes) }));
        },
        null,
        { timeout: 30000 },
      )
    ).jsonValue();
    assert.deepEqual(
      types.map((t) => t.title),
      ['VSee intake form', 'VSee slot picker', 'VSee visit list'],
    );
    assert.ok(types[1].attributes.includes('days') && types[1].attributes.includes('providerId'));
    assert.ok(types[2].attributes.includes('showCurrent'));
    // The settings as the block editor's REST API answers them: no secret there either.
    const settings = await page.evaluate(() => window.wp.apiFetch({ path: '/wp/v2/settings' }));
    received.push({ url: 'wp/v2/settings', text: JSON.stringify(settings) });
    await context.close();
  });

  test('shortcode attributes are escaped and only documented ones pass', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, PATIENT);
    let dialogs = 0;
    page.on('dialog', (d) => (dialogs++, d.dismiss()));
    await page.goto(`${wp.origin}/hostile/`);
    const picker = page.locator('vsee-slot-picker');
    assert.equal(await picker.getAttribute('days'), '3" onmouseover="alert(1)');
    assert.equal(await picker.getAttribute('onmouseover'), null);
    assert.match(await picker.getAttribute('provider-id'), /^<img /);
    assert.equal(await picker.getAttribute('onclick'), null);
    assert.equal(
      await picker.getAttribute('api-base'),
      `${mock.origin}/mock/${TENANT}/api_v3`,
      'the API base comes from the settings only',
    );
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    await picker.click();
    assert.equal(dialogs, 0);
    await context.close();
  });

  test("the site's language sets the elements' locale (es_MX → es) and the plugin's own sentence", async () => {
    // WordPress accepts only an installed language: an empty Spanish (Mexico) catalog stands in for
    // the language pack, which would come from wordpress.org.
    wp.php(`
      wp_mkdir_p( WP_LANG_DIR );
      $t = "Language: es_MX\\n";
      file_put_contents( WP_LANG_DIR . '/es_MX.mo', pack( 'V7', 0x950412de, 0, 1, 28, 36, 0, 44 ) . pack( 'V4', 0, 44, strlen( $t ), 45 ) . "\\0" . $t . "\\0" );
      update_option( 'WPLANG', 'es_MX' );
      if ( 'es_MX' !== get_option( 'WPLANG' ) ) { fwrite( STDERR, 'es_MX not accepted' ); exit( 1 ); }
    `);
    try {
      const context = await newContext();
      const page = await context.newPage();
      await page.goto(`${wp.origin}/visits/`);
      assert.match(await page.locator('.vsee-clinic-notice').first().textContent(), /Inicie sesión/);
      await signIn(page, PATIENT);
      await page.goto(`${wp.origin}/visits/`);
      assert.equal(await page.locator('vsee-slot-picker').getAttribute('locale'), 'es');
      await context.close();
    } finally {
      wp.php(`update_option( 'WPLANG', '' );`);
    }
  });

  test('the API secret appears in no page, script or REST answer the browser received', () => {
    assert.ok(received.length > 30, `responses checked: ${received.length}`);
    assert.ok(received.some((r) => r.url.includes('/wp-json/vsee-clinic/v1/token')));
    assert.ok(received.some((r) => r.url.includes('page=vsee-clinic')));
    for (const { url, text } of received) {
      assert.ok(!text.includes(SECRET), `the secret is in ${url}`);
      assert.ok(!text.includes(WRONG_SECRET), `the wrong secret is in ${url}`);
    }
  });

  test('no PHP warning or notice from the plugin', () => {
    const ours = wp
      .debugLog()
      .split('\n')
      .filter((l) => l.includes('vsee-clinic'));
    assert.deepEqual(ours, []);
  });

  test('uninstalling removes the settings, the secret and every cached token', () => {
    const before = JSON.parse(
      wp.php(
        `echo wp_json_encode( array( 'meta' => (bool) get_user_option( '_vsee_clinic_token', ${ids.patient} ), 'secret' => get_option( 'vsee_clinic_api_secret' ) !== false ) );`,
      ),
    );
    assert.deepEqual(before, { meta: true, secret: true });
    const after = JSON.parse(
      wp.php(`
      deactivate_plugins( 'vsee-clinic/vsee-clinic.php' );
      uninstall_plugin( 'vsee-clinic/vsee-clinic.php' );
      global $wpdb;
      echo wp_json_encode( array(
        'settings' => get_option( 'vsee_clinic_settings', null ),
        'secret'   => get_option( 'vsee_clinic_api_secret', null ),
        'meta'     => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->usermeta} WHERE meta_key LIKE '%vsee_clinic_token'" ),
        'options'  => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE '%vsee_clinic%'" ),
      ) );
    `),
    );
    assert.deepEqual(after, { settings: null, secret: null, meta: 0, options: 0 });
  });
});
