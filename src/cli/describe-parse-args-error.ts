/** Rewrites an error from node:util `parseArgs` as the detail of a simwatch usage message. */
export function describeParseArgsError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const option = /(--[\w-]+)/.exec(message)?.[1] ?? /'(-\w)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option "${option}"`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (message.includes('does not take an argument')) return `${option} does not take a value`;
    if (message.includes('ambiguous')) {
      return `${option} needs a value (write ${option}=VALUE for a value starting with "-")`;
    }
    return `${option} needs a value`;
  }
  return message;
}
