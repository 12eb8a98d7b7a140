import { typeCheckMatrix } from './ts-matrix.js'

// SPEC §5: in an ES module package, under nodenext, bundler and node16 (see ts-matrix.ts).
typeCheckMatrix('esm')
