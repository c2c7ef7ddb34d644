/**
 * A share from 0 to 1 as a percentage for people: "44.2%" with `digits` decimals (none by
 * default). Shares that would round to 0% or 100% without being so say "less than" or "more
 * than" instead, so a page never claims a certainty the figure does not have. Anything that is
 * not a finite number shows as nothing.
 */
export function formatPercent(share: unknown, digits = 0): string {
  if (typeof share !== 'number' || !Number.isFinite(share)) return '';
  const percent = share * 100;
  const step = 10 ** -digits;
  if (percent > 0 && percent < step / 2) return `less than ${step.toFixed(digits)}%`;
  if (percent < 100 && percent > 100 - step / 2)
    return `more than ${(100 - step).toFixed(digits)}%`;
  return `${percent.toFixed(digits)}%`;
}
