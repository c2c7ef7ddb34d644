import { describe, expect, it } from 'vitest';
import { assembleModule, signed, unsigned, type WasmFunction } from './wasm-assembler.js';

/** Sums the bytes from `address` for `length` bytes: a loop, a block, memory and locals. */
const sumBytes: WasmFunction = {
  name: 'sum',
  params: ['address', 'length'],
  results: 1,
  locals: ['total'],
  body: [
    ['block', 'done'],
    ['loop', 'next'],
    ['local.get', 'length'],
    ['i32.eqz'],
    ['br_if', 'done'],
    ['local.get', 'total'],
    ['local.get', 'address'],
    ['i32.load8_u', 0],
    ['i32.add'],
    ['local.set', 'total'],
    ['local.get', 'address'],
    ['i32.const', 1],
    ['i32.add'],
    ['local.set', 'address'],
    ['local.get', 'length'],
    ['i32.const', -1],
    ['i32.add'],
    ['local.set', 'length'],
    ['br', 'next'],
    ['end'],
    ['end'],
    ['local.get', 'total'],
  ],
};

describe('assembleModule()', () => {
  it('assembles a module that WebAssembly runs, with its memory exported', () => {
    const instance = new WebAssembly.Instance(
      new WebAssembly.Module(assembleModule({ memoryPages: 1, functions: [sumBytes] })),
    );
    const memory = instance.exports.memory as WebAssembly.Memory;
    new Uint8Array(memory.buffer).set([1, 2, 250, 7], 100);
    const sum = instance.exports.sum as (address: number, length: number) => number;
    expect(sum(100, 4)).toBe(260);
    expect(sum(100, 0)).toBe(0);
  });

  it('names the mistake in a function it cannot assemble', () => {
    const assemble = (body: WasmFunction['body']) => () =>
      assembleModule({ memoryPages: 1, functions: [{ ...sumBytes, body }] });
    expect(assemble([['i32.frobnicate']])).toThrow('sum: unknown instruction "i32.frobnicate"');
    expect(assemble([['local.get', 'nothing']])).toThrow('sum: no local named "nothing"');
    expect(assemble([['br', 'nowhere']])).toThrow('sum: no label "nowhere"');
    expect(assemble([['block', 'open']])).toThrow('sum: block "open" not ended');
    expect(assemble([['end']])).toThrow('sum: "end" without a block');
  });
});

describe('LEB128', () => {
  it('encodes numbers as WebAssembly does', () => {
    expect(unsigned(0)).toEqual([0]);
    expect(unsigned(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(signed(-1)).toEqual([0x7f]);
    expect(signed(63)).toEqual([0x3f]);
    expect(signed(64)).toEqual([0xc0, 0x00]);
    expect(signed(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });
});
