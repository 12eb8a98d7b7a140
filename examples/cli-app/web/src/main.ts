// The page: log in, list the messages, send one, and show every `created` event as it arrives.
import authenticationClient from '@feathersjs/authentication-client'
import { io } from 'socket.io-client'
import { createClient } from './generated/client.js'
import type { Message } from './generated/types.js'

const client = createClient(io(window.location.origin, { transports: ['websocket'] }))
client.configure(authenticationClient({ storage: window.sessionStorage }))
const messages = client.service('messages')

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const status = byId<HTMLParagraphElement>('status')

const line = (message: Message) => `${message.user?.email ?? `user ${message.userId}`}: ${message.text}`

const appendTo = (listId: string, text: string) => {
  const item = document.createElement('li')
  item.textContent = text
  byId<HTMLUListElement>(listId).append(item)
}

messages.on('created', message => {
  appendTo('messages', line(message))
  appendTo('events', `created #${message.id}: ${line(message)}`)
})

byId<HTMLFormElement>('login').addEventListener('submit', async event => {
  event.preventDefault()
  try {
    const { user } = await client.authenticate({
      strategy: 'local',
      email: byId<HTMLInputElement>('email').value,
      password: byId<HTMLInputElement>('password').value
    })
    const page = await messages.find({ query: { $sort: { createdAt: 1 }, $limit: 50 } })
    for (const message of page.data) appendTo('messages', line(message))
    byId<HTMLFormElement>('login').hidden = true
    byId<HTMLElement>('chat').hidden = false
    status.textContent = `logged in as ${user.email}, ${page.total} messages`
  } catch (error) {
    status.textContent = `login failed: ${(error as Error).message}`
  }
})

byId<HTMLFormElement>('send').addEventListener('submit', async event => {
  event.preventDefault()
  const input = byId<HTMLInputElement>('text')
  try {
    await messages.create({ text: input.value })
    input.value = ''
  } catch (error) {
    status.textContent = `send failed: ${(error as Error).message}`
  }
})

status.textContent = 'ready'
