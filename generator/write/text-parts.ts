/**
 * Whether two texts kept in parts are the same text, however each is cut: compared piece by
 * piece, never joined (a file of 200 services' validators is 5 MB).
 */
export function sameText(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === b.length && a.every((part, i) => part === b[i])) return true
  let length = 0
  for (const part of a) length += part.length
  for (const part of b) length -= part.length
  if (length !== 0) return false
  let i = 0
  let j = 0
  let atA = 0
  let atB = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    const n = Math.min(x.length - atA, y.length - atB)
    // Parts cut alike are mostly the very same strings, which === tells apart at once.
    if (atA === 0 && atB === 0 && x.length === y.length) {
      if (x !== y) return false
    } else if (n > 0 && !sameSlice(x, atA, y, atB, n)) return false
    atA += n
    atB += n
    if (atA === x.length) { i++; atA = 0 }
    if (atB === y.length) { j++; atB = 0 }
  }
  return true
}

/** `x.slice(atX, atX + n) === y.slice(atY, atY + n)`, without copying a whole part. */
function sameSlice(x: string, atX: number, y: string, atY: number, n: number): boolean {
  if (atY === 0 && n === y.length) return x.startsWith(y, atX)
  if (atX === 0 && n === x.length) return y.startsWith(x, atY)
  return x.slice(atX, atX + n) === y.slice(atY, atY + n)
}

/** The first `length` characters of a text kept in parts (fewer if it is shorter). */
export function textStart(parts: readonly string[], length: number): string {
  let start = ''
  for (const part of parts) {
    if (start.length >= length) break
    start += part.slice(0, length - start.length)
  }
  return start
}
