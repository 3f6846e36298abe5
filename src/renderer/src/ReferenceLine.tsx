/** The reference a person reads to the helpdesk, e.g. LM-DNF-400-7K3Q. */
export function ReferenceLine({ reference }: { reference: string }) {
  return (
    <p className="reference-line">
      Reference for the helpdesk: <strong className="mono">{reference}</strong>
    </p>
  )
}
