import { Fragment, type ReactNode } from 'react'
import { translator } from '../../../shared/i18n/current'
import type { MessageKey, MessageParams } from '../../../shared/i18n/message-params'

/** Makes a message's tag (`<b>…</b>`) into an element around the tag's children. */
export type TagMaker = (children: ReactNode) => ReactNode

/** The tags most messages use: emphasis, code, a quotation. */
const COMMON_TAGS: Readonly<Record<string, TagMaker>> = {
  b: (children) => <strong>{children}</strong>,
  code: (children) => <code>{children}</code>,
  q: (children) => <q>{children}</q>
}

const keyed = (parts: ReadonlyArray<ReactNode>): ReactNode => parts.map((part, index) => <Fragment key={index}>{part}</Fragment>)

type Values<K extends MessageKey> = [MessageParams[K]] extends [never] ? undefined : MessageParams[K]

/**
 * A message with rich text, as React nodes: its tags made by `tags` (or the common ones), its
 * values put in as text (React escapes them). The words and their order are the message's own.
 */
export function rich<K extends MessageKey>(key: K, values: Values<K>, tags: Readonly<Record<string, TagMaker>> = {}): ReactNode {
  const makers = Object.fromEntries(
    Object.entries({ ...COMMON_TAGS, ...tags }).map(([name, make]) => [name, (children: Array<string | ReactNode>) => make(keyed(children))])
  )
  return keyed(translator().parts<K, ReactNode>(key, values, makers))
}

/** A message that takes no values (a label chosen from a table). */
export type PlainMessageKey = { [K in MessageKey]: [MessageParams[K]] extends [never] ? K : never }[MessageKey]
