import { defineConfig } from '@playwright/test';

// E2E_PORT lets two runs share a machine (each with its own data folder).
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
// The app mails through SMTP to this port, where e2e/mail-sink.ts listens while a spec reads mail.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 20_000);

/**
 * End-to-end tests against the built app (run `vite build` first) in Debian's Chromium.
 * Never downloads a browser: the executable is the system one.
 */
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // Two retries in CI: a test that fails three times fails the run; a pass on a retry is reported as flaky.
  retries: process.env.CI ? 2 : 0,
  // Whole journeys (an applicant, an officer and finance in one test) run long on a loaded machine.
  timeout: 150_000,
  expect: { timeout: 10_000 },
  // `list` in CI too: each test's time is in the log, so a slow one can be found.
  reporter: 'list',
  use: {
    baseURL,
    locale: 'en-US',
    // The browser asks for less motion (here and, by the flag below, in every context a spec
    // opens itself), so antd's dialogs, menus and spinners appear and go at once
    // (web/src/theme/use-reduced-motion.ts): a click never lands on a dialog still opening, and a
    // finished button's spinner never lingers in its name. Motion itself is antd's.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--force-prefers-reduced-motion',
      ],
    },
  },
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        // A fresh data folder each run, so the demo seed is the same every time.
        command: `rm -rf .dragongate/e2e-${port} && node bin/dragongate.mjs serve --demo --port ${port}`,
        url: `${baseURL}/api/hubs`,
        // Many specs sign the demo accounts in from one address; the sign-in throttle itself
        // is proven by the integration tests (server/platform/http/security.test.ts).
        // Mail goes to the spec's SMTP sink, polled every 2 s rather than every minute; a message
        // sent while no spec listens is retried later, as with any mail server that is down.
        env: {
          DRAGONGATE_HOME: `.dragongate/e2e-${port}`,
          DRAGONGATE_SIGNIN_PER_MINUTE: '200',
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          DRAGONGATE_MAIL_POLL_SECONDS: '2',
        },
        // First run starts an embedded PostgreSQL, migrates and seeds the demo hubs.
        timeout: 180_000,
        reuseExistingServer: !process.env.CI,
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
