import { expect } from '@playwright/test';
import { startSmtpSink } from '../server/test/smtp-sink.js';

/** The SMTP server the e2e app delivers to (playwright.config.ts: E2E_SMTP_PORT, port + 20000). */
export async function startMailSink() {
  const port = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 20_000);
  const sink = await startSmtpSink(port);
  /** The path of the newest link sent to an address (waits for the message). */
  const linkTo = async (to: string, pattern: RegExp): Promise<string> => {
    let found: string | undefined;
    await expect
      .poll(
        () => {
          const message = [...sink.received].reverse().find((m) => m.to.some((r) => r.includes(to)) && pattern.test(m.text));
          found = message?.text.match(/https?:\/\/\S+/g)?.find((url) => pattern.test(url));
          return found;
        },
        { timeout: 30_000 },
      )
      .toBeTruthy();
    return new URL(found!).pathname + new URL(found!).search;
  };
  return { sink, linkTo, close: sink.close };
}
