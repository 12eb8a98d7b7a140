import assert from 'node:assert/strict'
import { test } from 'node:test'
import { format, KNOWN_FORMATS } from 'feathers-sio-gen/server'

// The string formats users expect are checked, not ignored, and no input makes them slow.

const cases: Record<string, { valid: string[]; invalid: string[] }> = {
  email: {
    valid: ['ada@example.com', 'a.b+tag@sub.example.co.uk', "o'brien@example.ie", 'x@a-b.io'],
    invalid: ['', 'plain', '@example.com', 'a@', 'a@b', 'a@@b.com', 'a b@c.com', 'a@-bad.com', 'a..b@c.com', `${'a'.repeat(65)}@b.com`],
  },
  'date-time': {
    valid: ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05.123+02:00', '2024-02-29t23:59:60z', '1999-12-31T00:00:00-11:30'],
    invalid: ['2024-01-02', '2024-01-02T03:04:05', '2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-01-02 03:04:05Z', '2024-01-02T24:00:00Z', 'yesterday'],
  },
  date: { valid: ['2024-02-29', '2000-02-29', '2023-12-31'], invalid: ['2023-02-29', '1900-02-29', '2024-04-31', '2024-1-01', '20240101', ''] },
  time: { valid: ['03:04:05Z', '23:59:59.999+01:00', '00:00:00-00:00'], invalid: ['03:04:05', '24:00:00Z', '12:60:00Z', '12:00:00+24:00', '3:04:05Z'] },
  uri: { valid: ['https://example.com/a?b=c#d', 'mailto:ada@example.com', 'urn:isbn:0451450523', 'http://[::1]:8080/'], invalid: ['example.com', '/relative/path', 'http://exa mple.com', 'http://example.com/%zz', ''] },
  uuid: { valid: ['123e4567-e89b-12d3-a456-426614174000', 'urn:uuid:123E4567-E89B-12D3-A456-426614174000'], invalid: ['123e4567e89b12d3a456426614174000', '123e4567-e89b-12d3-a456-42661417400g', ''] },
  ipv4: { valid: ['127.0.0.1', '255.255.255.255', '0.0.0.0'], invalid: ['256.0.0.1', '1.2.3', '01.2.3.4', '1.2.3.4.5', '::1'] },
  ipv6: { valid: ['::1', '2001:db8::8a2e:370:7334', '::ffff:192.0.2.1', 'fe80::'], invalid: ['1.2.3.4', '2001:db8:::1', 'fe80::1%eth0', 'gggg::1', ''] },
}

for (const [name, { valid, invalid }] of Object.entries(cases)) {
  test(`format '${name}'`, () => {
    for (const value of valid) assert.equal(format(name, value), true, `${JSON.stringify(value)} is a valid ${name}`)
    for (const value of invalid) assert.equal(format(name, value), false, `${JSON.stringify(value)} is not a valid ${name}`)
    assert.equal(format(name, 42), false, 'a non-string never matches')
  })
}

test('every known format has cases here', () => {
  assert.deepEqual([...KNOWN_FORMATS].sort(), Object.keys(cases).sort())
})

test('an unknown format fails instead of passing silently', () => {
  assert.equal(format('no-such-format', 'anything'), false)
})

test('hostile inputs are rejected quickly (no catastrophic backtracking)', () => {
  const hostile = [
    `${'a.'.repeat(5000)}@`, `a@${'a-'.repeat(5000)}!`, `${'a'.repeat(100_000)}@b`, `2024-01-01T${'0'.repeat(100_000)}`,
    `http://${'%'.repeat(50_000)}`, `${'1.'.repeat(50_000)}`, `${':'.repeat(100_000)}`, `${'0'.repeat(100_000)}Z`,
  ]
  for (const name of KNOWN_FORMATS) {
    for (const value of hostile) {
      const started = performance.now()
      assert.equal(format(name, value), false)
      assert.ok(performance.now() - started < 50, `${name} on a ${value.length}-char input took too long`)
    }
  }
})
