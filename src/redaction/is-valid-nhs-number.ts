/** Checks ten digits against the NHS number's modulus 11 check digit (the last digit). */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += digitAt(digits, index) * (10 - index);
  const check = 11 - (sum % 11);
  // 11 stands for a check digit of 0. A check of 10 equals no digit, so those numbers never pass:
  // no NHS number is issued with them.
  return (check === 11 ? 0 : check) === digitAt(digits, 9);
}

function digitAt(digits: string, index: number): number {
  return digits.charCodeAt(index) - 48;
}
