/** Runs an action that should fail, sync or async, and returns what it threw. */
export async function errorFrom(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('Expected an error, but none was thrown');
}
