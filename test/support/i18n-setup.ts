import { beforeEach } from 'vitest'
import { setTranslator } from '../../src/shared/i18n/current'
import { englishTranslator } from '../../src/shared/i18n/english'

// Every test starts in English; a test that speaks another language sets it itself.
const english = englishTranslator()
setTranslator(english)
beforeEach(() => setTranslator(english))
