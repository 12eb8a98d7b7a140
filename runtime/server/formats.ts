import { isIPv6 } from 'node:net'

// String formats checked by the generated validators (TypeBox's generated code calls
// `format(name, value)`). Every check is a length guard plus regular expressions without nested
// or overlapping quantifiers, so no input can make them backtrack catastrophically.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// RFC 3339 full-time: the offset is required; a leap second (60) is allowed.
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/
// Dot-atom local part, `@`, host labels of at most 63 characters, at least one dot. The local
// part's repetitions are separated by `.` and the labels' inner run is bounded, so a failing
// match backtracks at most ~62 steps per label; the 254-character guard bounds the rest.
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/
// RFC 3986: a scheme, then only characters a URI may hold; `%` must start an escape.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/
const UUID = /^(?:urn:uuid:)?[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}$/
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** `YYYY-MM-DD` naming a real calendar day (leap years included). */
export function isDate(value: string): boolean {
  const match = DATE.exec(value)
  return match !== null && isDay(Number(match[1]), Number(match[2]), Number(match[3]))
}

/** True for a real calendar day. */
function isDay(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const max = month === 2 && leap ? 29 : DAYS[month - 1]
  return max !== undefined && day >= 1 && day <= max
}

/** True for a valid clock time and offset (a leap second, 60, allowed). */
function isClock(hour: number, minute: number, second: number, offsetHour: string | undefined, offsetMinute: string | undefined): boolean {
  if (hour > 23 || minute > 59 || second > 60) return false
  return offsetHour === undefined || (Number(offsetHour) <= 23 && Number(offsetMinute) <= 59)
}

/** RFC 3339 `full-time`: `HH:MM:SS[.frac](Z|±HH:MM)`. */
export function isTime(value: string): boolean {
  const match = TIME.exec(value)
  if (match === null) return false
  return isClock(Number(match[1]), Number(match[2]), Number(match[3]), match[4], match[5])
}

/** RFC 3339 `date-time`: a date, `T` (or `t`), a full time. */
export function isDateTime(value: string): boolean {
  const match = value.length <= 64 ? DATE_TIME.exec(value) : null
  return match !== null && isDay(Number(match[1]), Number(match[2]), Number(match[3]))
    && isClock(Number(match[4]), Number(match[5]), Number(match[6]), match[7], match[8])
}

/** A practical address: dot-atom local part, `@`, a host name with at least one dot. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value) && value.indexOf('@') <= 64
}

/** An absolute URI (RFC 3986): scheme, `:`, URI characters only, well-formed `%` escapes. */
export function isUri(value: string): boolean {
  return value.length <= 8192 && URI.test(value) && !BAD_ESCAPE.test(value)
}

/** A UUID in its 8-4-4-4-12 hex form (optionally `urn:uuid:`). */
export function isUuid(value: string): boolean {
  return UUID.test(value)
}

/** A dotted-quad IPv4 address without leading zeros. */
export function isIpv4(value: string): boolean {
  return value.length <= 15 && IPV4.test(value)
}

/** An IPv6 address (RFC 4291 text forms), without a zone index. */
export function isIpv6(value: string): boolean {
  return value.length <= 45 && !value.includes('%') && isIPv6(value)
}

/** The formats `format()` knows. */
export const KNOWN_FORMATS: readonly string[] = ['date', 'date-time', 'email', 'ipv4', 'ipv6', 'time', 'uri', 'uuid']

/**
 * Checks `value` against a named string format. An unknown format fails (as TypeBox's own
 * compiler does with an empty format registry): a typo in a schema must not silently accept all.
 */
export function format(name: string, value: unknown): boolean {
  if (typeof value !== 'string') return false
  // The error collector re-checks the value the failed check just saw: a one-entry memo makes
  // that second look free. Format checks are pure, so the memo is never wrong; every check starts
  // by forgetting it (see createValidator), so it only ever spans one check and its collector.
  if (value === lastValue && name === lastName) return lastResult
  lastValue = value
  lastName = name
  lastResult = checkFormat(name, value)
  return lastResult
}

let lastValue: string | undefined
let lastName: string | undefined
let lastResult = false

/** Clears the one-entry memo of `format`; called as each validation starts. */
export function forgetFormatMemo(): void {
  lastValue = undefined
}

/** The format check itself; a switch, not a lookup table: it runs for every formatted string. */
function checkFormat(name: string, value: string): boolean {
  switch (name) {
    case 'email': return isEmail(value)
    case 'date-time': return isDateTime(value)
    case 'date': return isDate(value)
    case 'time': return isTime(value)
    case 'uri': return isUri(value)
    case 'uuid': return isUuid(value)
    case 'ipv4': return isIpv4(value)
    case 'ipv6': return isIpv6(value)
    default: return false
  }
}
