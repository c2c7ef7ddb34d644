import { SimwatchError } from '../../errors.js';
import { createSmtpSender } from './smtp-sender.js';
import type { FoiSender } from './foi-sender.js';

/** The FOI sending settings as the configuration gives them (see `Config.foi`). */
export interface FoiSendingConfig {
  smtpUrl: string | null;
  from: string | null;
}

/**
 * The sender the configuration describes, or a clear `usage` error saying which setting is
 * missing and that requests can be exported and sent elsewhere instead.
 */
export function createConfiguredSender(config: FoiSendingConfig): FoiSender {
  const missing = [
    config.smtpUrl === null
      ? 'SIMWATCH_SMTP_URL (such as smtp://user:password@mail.example.org:587)'
      : null,
    config.from === null ? 'SIMWATCH_FOI_FROM (such as "Research team <foi@example.org>")' : null,
  ].filter((item) => item !== null);
  if (config.smtpUrl === null || config.from === null)
    throw new SimwatchError(
      'usage',
      `Cannot send FOI requests by email: set ${missing.join(' and ')}; or export the requests and send them another way (simwatch foi export)`,
    );
  return createSmtpSender({ url: config.smtpUrl, from: config.from });
}
