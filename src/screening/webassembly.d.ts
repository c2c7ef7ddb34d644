// The parts of the WebAssembly JavaScript API the word finder uses: Node.js has it, but the
// `@types/node` of Node 20 does not declare it, and simwatch's `lib` leaves out the DOM's.
declare namespace WebAssembly {
  /** A compiled module. */
  interface Module {
    readonly [Symbol.toStringTag]: string;
  }
  const Module: new (bytes: Uint8Array) => Module;
  class Instance {
    constructor(module: Module);
    readonly exports: Readonly<Record<string, unknown>>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
    /** Adds `pages` pages of 64 KiB; returns the former size in pages. */
    grow(pages: number): number;
  }
}
