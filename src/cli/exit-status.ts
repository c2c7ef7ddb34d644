/** The exit statuses of `simwatch`, documented in docs/reference.md and in `simwatch screen --help`. */
export const exitStatus = {
  /** Screening ran; files that could not be read are reported in the output, not here. */
  ok: 0,
  /** A `--fail-on` label was found in at least one document. */
  failOnFound: 1,
  /** The command line was not understood, or screening could not start. */
  cannotRun: 2,
} as const;
