import type { ServiceSpec } from '../synth/synthesize-services.js'

/** The service every round-trip contender serves: a record of 10 properties, create takes 8. */
export const roundTripSpec: ServiceSpec = {
  index: 0,
  path: 'notes',
  pascal: 'Notes',
  camel: 'notes',
  record: 'Note',
  fields: [
    { name: 'title', kind: 'string', optional: false },
    { name: 'body', kind: 'text', optional: true },
    { name: 'status', kind: 'enum', optional: false, values: ['draft', 'open', 'closed', 'archived'] },
    { name: 'priority', kind: 'enum', optional: true, values: ['low', 'normal', 'high'] },
    { name: 'ownerId', kind: 'integer', optional: false },
    { name: 'score', kind: 'number', optional: true },
    { name: 'active', kind: 'boolean', optional: false },
    { name: 'tags', kind: 'tags', optional: true },
    { name: 'createdAt', kind: 'datetime', optional: false },
  ],
  dataKeys: ['title', 'body', 'status', 'priority', 'ownerId', 'score', 'active', 'tags'],
  queryKeys: ['id', 'title', 'status', 'priority', 'ownerId', 'active'],
}

/** What each call sends: about 200 bytes of JSON. */
export const roundTripPayload = {
  title: 'Quarterly report draft',
  body: 'Third-quarter numbers; the regional breakdown is still to be checked.',
  status: 'open',
  priority: 'high',
  ownerId: 4211,
  score: 17.5,
  active: true,
  tags: ['finance', 'q3'],
} as const

/** What the raw echo answers: the record a Feathers service class builds for create. */
export function echoRecord(id: number, data: object): Record<string, unknown> {
  return { id, createdAt: new Date().toISOString(), ...data }
}
