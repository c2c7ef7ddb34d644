const kibibyte = 1024;
const mebibyte = 1024 * kibibyte;

/** Formats a byte count for people, in the binary units the limits are defined in ("300 MB"). */
export function formatSize(bytes: number): string {
  if (bytes >= mebibyte) return `${trimDecimal(bytes / mebibyte)} MB`;
  if (bytes >= kibibyte) return `${trimDecimal(bytes / kibibyte)} KB`;
  return bytes === 1 ? '1 byte' : `${bytes} bytes`;
}

function trimDecimal(value: number): string {
  // One decimal place is enough to tell a limit from a size just over it.
  return String(Math.round(value * 10) / 10);
}
