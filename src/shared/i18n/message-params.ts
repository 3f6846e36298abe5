// Written by `npm run i18n:types` from src/locales/en/*.json: do not edit by hand.

/** Every message key, with the values its English text takes (`never`: it takes none). */
export interface MessageParams {
  "common.method.license-key": never
  "common.method.user": never
  "common.method.sso-token": never
  "common.method.sso-code": never
  "common.method-choice.license-key": never
  "common.field.product": never
  "common.field.hardware-id": never
  "common.field.licence-id": never
  "common.field.licence-key": never
  "common.field.username": never
  "common.field.password": never
  "common.field.id-token": never
  "common.field.code": never
  "common.field.customer-account-code": never
  "common.field.redirect-uri": never
  "common.field.credentials": never
  "common.field.request": never
  "common.field.required": { "field": string | number }
  "common.field.too-long": { "field": string | number; "limit": number }
  "common.field.control-characters": { "field": string | number }
  "common.field.redirect-uri.invalid": never
  "common.field.licence-id.whole-number": never
  "common.field.licence-id.positive": never
  "common.field.licence-id.too-large": never
  "common.request.no-method": never
  "common.request.no-offline-credentials": never
  "common.request.grant": never
  "common.request.fresh-sign-in": never
  "common.licence.holder.key": { "key": string | number }
  "common.licence.holder.user": { "email": string | number }
  "common.licence.holder.user-in-account": { "account": string | number; "email": string | number }
  "common.licence.seats.not-stated": never
  "common.licence.seats.no-limit": { "used": number }
  "common.licence.seats.limited": { "allowed": number; "used": number }
  "common.licence.validity.until": { "until": string | number }
  "common.licence.validity.no-end": never
  "common.licence.validity.from-until": { "start": string | number; "until": string | number }
  "common.licence.validity.from-no-end": { "start": string | number }
  "common.licence.state.disabled": never
  "common.licence.state.not-active": never
  "common.licence.state.expired": never
  "common.licence.bundle": { "code": string | number; "name": string | number }
  "common.licence.signatures.verified": never
  "common.licence.signatures.not-configured": never
  "common.licence.no-activation-time": never
  "common.products-freed.all": { "bundle": string | number }
  "common.hardware-id.how.fixed": never
  "common.hardware-id.how.machine-id": { "platform": string | number }
  "common.hardware-id.how.licensespring": { "algorithm": string | number }
  "common.hardware-id.how.override": never
  "window.sandbox.banner": never
  "window.sandbox.reset": never
  "window.sandbox.reset.label": never
  "window.sandbox.reset.done": never
  "window.sandbox.reset.failed": never
}

export type MessageKey = keyof MessageParams
