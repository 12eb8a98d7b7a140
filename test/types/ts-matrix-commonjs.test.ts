import { typeCheckMatrix } from './ts-matrix.js'

// SPEC §6: in a CommonJS package as `feathers generate app` lays it out, under node16, nodenext and
// the CLI's `"module": "commonjs"` (node10 on TypeScript 5.9) (see ts-matrix.ts).
typeCheckMatrix('cjs')
