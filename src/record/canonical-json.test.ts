import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

// RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text.
const numberExamples: [string, string][] = [
  ['0000000000000000', '0'],
  ['8000000000000000', '0'],
  ['0000000000000001', '5e-324'],
  ['8000000000000001', '-5e-324'],
  ['7fefffffffffffff', '1.7976931348623157e+308'],
  ['ffefffffffffffff', '-1.7976931348623157e+308'],
  ['4340000000000000', '9007199254740992'],
  ['c340000000000000', '-9007199254740992'],
  ['4430000000000000', '295147905179352830000'],
  ['44b52d02c7e14af5', '9.999999999999997e+22'],
  ['44b52d02c7e14af6', '1e+23'],
  ['44b52d02c7e14af7', '1.0000000000000001e+23'],
  ['444b1ae4d6e2ef4e', '999999999999999700000'],
  ['444b1ae4d6e2ef4f', '999999999999999900000'],
  ['444b1ae4d6e2ef50', '1e+21'],
  ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
  ['3eb0c6f7a0b5ed8d', '0.000001'],
  ['41b3de4355555553', '333333333.3333332'],
  ['41b3de4355555554', '333333333.33333325'],
  ['41b3de4355555555', '333333333.3333333'],
  ['41b3de4355555556', '333333333.3333334'],
  ['41b3de4355555557', '333333333.33333343'],
  ['becbf647612f3696', '-0.0000033333333333333333'],
  ['43143ff3c1cb0959', '1424953923781206.2'],
];

function numberFromBits(hex: string): number {
  return Buffer.from(hex, 'hex').readDoubleBE(0);
}

describe('canonicalJson()', () => {
  it('reproduces the RFC 8785 §3.2.2 example', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalJson(JSON.parse(input))).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('orders keys by UTF-16 code units as in RFC 8785 §3.2.3, so an emoji sorts before U+FB33', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control",' +
        '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
        '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it.each(numberExamples)(
    'writes the number with bits %s as %s (RFC 8785 Appendix B)',
    (bits, text) => {
      expect(canonicalJson(numberFromBits(bits))).toBe(text);
    },
  );

  it.each([
    [1e21, '1e+21'],
    [1e-7, '1e-7'],
    [0.000001, '0.000001'],
    [-0, '0'],
    [4.5, '4.5'],
    [100, '100'],
  ])('writes %d as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('sorts nested keys and keeps array order, with no whitespace', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }, 1], a: { y: null, x: 'é' } })).toBe(
      '{"a":{"x":"é","y":null},"b":[3,{"a":2,"z":1},1]}',
    );
  });

  it('escapes strings as JSON.stringify does', () => {
    expect(canonicalJson('tab\tquote"backslash\\\u0001\u007f')).toBe(
      '"tab\\tquote\\"backslash\\\\\\u0001\u007f"',
    );
  });

  it.each([
    [{ payload: { when: undefined } }, 'Cannot canonicalise "payload.when": undefined is not JSON'],
    [{ a: [1, () => 1] }, 'Cannot canonicalise "a[1]": a function is not JSON'],
    [{ 'two words': 10n }, 'Cannot canonicalise "["two words"]": a bigint is not JSON'],
    [{ s: Symbol('s') }, 'Cannot canonicalise "s": a symbol is not JSON'],
    [{ n: NaN }, 'Cannot canonicalise "n": NaN is not a JSON number'],
    [{ n: [-Infinity] }, 'Cannot canonicalise "n[0]": -Infinity is not a JSON number'],
    [{ when: new Date(0) }, 'Cannot canonicalise "when": a Date is not plain JSON data'],
    [{ text: 'bad \ud800 text' }, 'Cannot canonicalise "text": the string has a lone surrogate'],
    [undefined, 'Cannot canonicalise the value: undefined is not JSON'],
  ])('rejects values that are not JSON, naming where they are (%#)', (value, message) => {
    expect(() => canonicalJson(value)).toThrow(new Error(message));
  });

  it('rejects holes in sparse arrays and objects that contain themselves', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => canonicalJson([1, , 3])).toThrow(
      'Cannot canonicalise "[1]": undefined is not JSON',
    );
    const loop: { self?: unknown } = {};
    loop.self = { back: loop };
    expect(() => canonicalJson(loop)).toThrow(
      'Cannot canonicalise "self.back": the value contains itself',
    );
  });

  it('allows the same object twice when it does not contain itself', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.k = 'v';
    expect(canonicalJson(bare)).toBe('{"k":"v"}');
  });
});
