import common from '../../locales/en/common.json'
import errors from '../../locales/en/errors.json'
import windowWords from '../../locales/en/window.json'
import views from '../../locales/en/views.json'
import cli from '../../locales/en/cli.json'
import pages from '../../locales/en/pages.json'
import shell from '../../locales/en/shell.json'
import helpdesk from '../../locales/en/helpdesk.json'
import { prefixed, type Domain } from './tables'
import { setTranslator } from './current'
import { createTranslator, type MessageTable, type Translator } from './translator'

/*
 * Every English message, loaded at once: for the Node-side tools that start in English before
 * anything else (tests, the bench, the guide's generator). The app itself loads only the domains
 * and the language it speaks (src/shared/i18n/current.ts).
 */

const FILES: Readonly<Record<Domain, Readonly<Record<string, unknown>>>> = { common, errors, window: windowWords, views, cli, pages, shell, helpdesk }

export const ENGLISH: MessageTable = Object.assign({}, ...Object.entries(FILES).map(([domain, table]) => prefixed(domain as Domain, table))) as MessageTable

export const englishTranslator = (): Translator => createTranslator('en', ENGLISH, ENGLISH)

/** For a Node-side tool: speaks English from now on. */
export const speakEnglish = (): void => setTranslator(englishTranslator())
