/** One sentence under each field: where to find what it asks for. */
export const FIELD_HINTS = {
  product: 'Its short code from your licence email, not its display name.',
  // Spaces around the key are dropped; its letters are sent as typed (the server compares them exactly).
  licenseKey: 'From your licence email. Type it exactly: capital and small letters are different.',
  username: 'The email address the licence is assigned to.',
  password: 'Of that licence account, not your computer’s.',
  customerAccountCode: 'Your company’s code with the vendor; ask your administrator.'
} as const
