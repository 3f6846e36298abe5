import type { UserLicenceChoice } from '../../shared/licences-on-pc'
import { describeLicenceState, describeSeats, describeValidity } from '../../shared/licence-words'
import { t } from '../../shared/i18n/current'

interface LicenceChoiceListProps {
  licences: UserLicenceChoice[]
  chosen: number | undefined
  onChoose: (licenceId: number) => void
}

/** One licence as a person tells it apart: its products, seats and dates, and whether this PC holds it (never by its number). */
function describeChoice(l: UserLicenceChoice): string {
  const state = describeLicenceState(l)
  const facts = [l.products === null ? null : l.products.join(', '), t('views.choices.seats', { seats: describeSeats(l.seats) }), describeValidity(l), state]
  // The middle dot separates facts in every language; the words are the messages'.
  return facts.filter((p) => p !== null).join(' · ')
}

/** The signed-in user holds several licences of the bundle: the radio group to pick the one to free. */
export function LicenceChoiceList({ licences, chosen, onChoose }: LicenceChoiceListProps) {
  return (
    <fieldset className="licence-choices">
      <legend>{t('views.choices.legend', { count: licences.length })}</legend>
      {licences.map((l) => (
        <div className="choice" key={l.licenceId}>
          <input
            type="radio"
            id={`licence-choice-${l.licenceId}`}
            name="licence-choice"
            checked={chosen === l.licenceId}
            onChange={() => onChoose(l.licenceId)}
          />
          <label htmlFor={`licence-choice-${l.licenceId}`}>
            {l.onThisPc === true && (
              <>
                <strong>{t('views.choices.active-here')}</strong> ·{' '}
              </>
            )}
            {describeChoice(l)}
          </label>
        </div>
      ))}
    </fieldset>
  )
}
