/**
 * The two figures of a refusal to make a model active (see `activationRefusal` in the register):
 * the new model's cross-validated macro-F1 and the baseline it fell below. Undefined when the
 * message does not give them.
 */
export function refusalFigures(
  message: string,
): { candidate: number; baseline: number } | undefined {
  const match = /macro-F1 on the corpus is (\d+(?:\.\d+)?), below (\d+(?:\.\d+)?)/.exec(message);
  if (!match) return undefined;
  return { candidate: Number(match[1]), baseline: Number(match[2]) };
}
