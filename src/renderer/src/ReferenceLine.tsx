import { rich } from './i18n/rich'

/** The reference a person reads to the helpdesk, e.g. LM-DNF-400-7K3Q (the reference itself is the same in every language). */
export function ReferenceLine({ reference }: { reference: string }) {
  return <p className="reference-line">{rich('window.reference.line', { reference }, { b: (children) => <strong className="mono">{children}</strong> })}</p>
}
