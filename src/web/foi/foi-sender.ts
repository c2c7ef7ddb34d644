import type { Config } from '../../config/load-config.js';
import { createConfiguredSender } from '../../foi/sending/create-configured-sender.js';
import type { FoiSender } from '../../foi/sending/foi-sender.js';

/**
 * The sender the configuration sets up, for the pages; or, when the SMTP settings are missing,
 * what to do instead, in the words of a page (the CLI's message names its own commands).
 */
export function createFoiSender(
  config: Pick<Config, 'foi'>,
): { ok: true; sender: FoiSender } | { ok: false; reason: string } {
  if (config.foi.smtpUrl === null || config.foi.from === null)
    return {
      ok: false,
      reason:
        'Requests cannot be sent by email from here: the server has no SMTP settings (SIMWATCH_SMTP_URL and SIMWATCH_FOI_FROM). Export the batch for WhatDoTheyKnow instead, or ask the administrator to set them.',
    };
  return { ok: true, sender: createConfiguredSender(config.foi) };
}
