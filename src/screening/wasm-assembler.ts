/**
 * A small assembler for WebAssembly modules written in the text format's flat form, as lists of
 * instructions: enough for simwatch's word finder, with no tool or build step in between.
 *
 * Only 32-bit integers are supported: every parameter, local and result is an `i32`. Locals and
 * labels are named; `block`, `loop` and `if` take a label (`['loop', 'next']`) that `br` and
 * `br_if` name to leave or repeat them. Memory instructions take the byte offset to add to the
 * address (`['i32.load', 4]`).
 */
export type Instruction = readonly [string, ...(string | number)[]];

export interface WasmFunction {
  name: string;
  params: readonly string[];
  /** The number of `i32` results (0 or 1). */
  results: number;
  locals: readonly string[];
  body: readonly Instruction[];
}

export interface WasmModuleSource {
  /** The initial size of the exported memory `memory`, in 64 KiB pages. */
  memoryPages: number;
  functions: readonly WasmFunction[];
}

const i32 = 0x7f;
const emptyBlock = 0x40;

/** Instructions without immediates. */
const plainOpcodes: Readonly<Record<string, number>> = {
  else: 0x05,
  end: 0x0b,
  return: 0x0f,
  'i32.eqz': 0x45,
  'i32.eq': 0x46,
  'i32.ne': 0x47,
  'i32.lt_u': 0x49,
  'i32.gt_u': 0x4b,
  'i32.le_u': 0x4d,
  'i32.ge_u': 0x4f,
  'i32.add': 0x6a,
  'i32.sub': 0x6b,
  'i32.mul': 0x6c,
  'i32.and': 0x71,
  'i32.or': 0x72,
  'i32.shl': 0x74,
  'i32.shr_u': 0x76,
};
/** Memory instructions: opcode and the alignment (as a power of two) of their access. */
const memoryOpcodes: Readonly<Record<string, readonly [number, number]>> = {
  'i32.load': [0x28, 2],
  'i32.load8_u': [0x2d, 0],
  'i32.store': [0x36, 2],
  'i32.store8': [0x3a, 0],
};
const blockOpcodes: Readonly<Record<string, number>> = { block: 0x02, loop: 0x03, if: 0x04 };
const branchOpcodes: Readonly<Record<string, number>> = { br: 0x0c, br_if: 0x0d };
const localOpcodes: Readonly<Record<string, number>> = {
  'local.get': 0x20,
  'local.set': 0x21,
  'local.tee': 0x22,
};

/** Assembles a module that exports its memory and each of its functions by name. */
export function assembleModule(source: WasmModuleSource): Uint8Array {
  const { functions } = source;
  const types = functions.map((fn) => [
    0x60,
    ...vector(fn.params.map(() => [i32])),
    ...vector(Array.from({ length: fn.results }, () => [i32])),
  ]);
  const exports = [
    [...name('memory'), 0x02, ...unsigned(0)],
    ...functions.map((fn, index) => [...name(fn.name), 0x00, ...unsigned(index)]),
  ];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(3, vector(functions.map((_, index) => unsigned(index)))),
    ...section(5, vector([[0x00, ...unsigned(source.memoryPages)]])),
    ...section(7, vector(exports)),
    ...section(10, vector(functions.map(encodeFunction))),
  ]);
}

function encodeFunction(fn: WasmFunction): number[] {
  const names = [...fn.params, ...fn.locals];
  const localIndex = (local: string | number | undefined): number => {
    const index = names.indexOf(String(local));
    if (index < 0) throw new Error(`${fn.name}: no local named "${String(local)}"`);
    return index;
  };
  const labels: string[] = [];
  const code: number[] = [];
  for (const [op, ...args] of fn.body) {
    const plain = plainOpcodes[op];
    const memory = memoryOpcodes[op];
    const block = blockOpcodes[op];
    const branch = branchOpcodes[op];
    const local = localOpcodes[op];
    if (plain !== undefined) {
      code.push(plain);
      if (op === 'end' && labels.pop() === undefined)
        throw new Error(`${fn.name}: "end" without a block`);
    } else if (memory !== undefined) {
      code.push(memory[0], ...unsigned(memory[1]), ...unsigned(Number(args[0] ?? 0)));
    } else if (block !== undefined) {
      labels.push(String(args[0]));
      code.push(block, emptyBlock);
    } else if (branch !== undefined) {
      const depth = labels.length - 1 - labels.lastIndexOf(String(args[0]));
      if (depth >= labels.length) throw new Error(`${fn.name}: no label "${String(args[0])}"`);
      code.push(branch, ...unsigned(depth));
    } else if (local !== undefined) {
      code.push(local, ...unsigned(localIndex(args[0])));
    } else if (op === 'i32.const') {
      code.push(0x41, ...signed(Number(args[0])));
    } else throw new Error(`${fn.name}: unknown instruction "${op}"`);
  }
  if (labels.length > 0) throw new Error(`${fn.name}: block "${labels.join('", "')}" not ended`);
  const locals = fn.locals.length > 0 ? [[...unsigned(fn.locals.length), i32]] : [];
  const body = [...vector(locals), ...code, 0x0b];
  return [...unsigned(body.length), ...body];
}

function section(id: number, content: number[]): number[] {
  return [id, ...unsigned(content.length), ...content];
}

function vector(items: readonly (readonly number[])[]): number[] {
  return [...unsigned(items.length), ...items.flat()];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...unsigned(bytes.length), ...bytes];
}

/** LEB128, unsigned. */
export function unsigned(value: number): number[] {
  const bytes: number[] = [];
  let rest = value >>> 0;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    bytes.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return bytes;
}

/** LEB128, signed (32 bits). */
export function signed(value: number): number[] {
  const bytes: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}
