// Written by `npm run i18n:types` from src/locales/en/*.json: do not edit by hand.

/** Every message key, with the values its English text takes (`never`: it takes none). */
export interface MessageParams {
  "cli.help.title": { "product": string | number }
  "cli.help.usage": never
  "cli.help.offline.heading": never
  "cli.help.offline.deactivate-offline": never
  "cli.help.offline.upload-offline": never
  "cli.help.status": never
  "cli.help.activate": never
  "cli.help.credentials.heading": never
  "cli.help.credentials.license-key": never
  "cli.help.credentials.username": never
  "cli.help.credentials.id-token": never
  "cli.help.credentials.code": never
  "cli.help.credentials.redirect-uri": never
  "cli.help.credentials.sso": never
  "cli.help.options.heading": never
  "cli.help.options.product": never
  "cli.help.options.license-id": never
  "cli.help.options.hardware-id": never
  "cli.help.options.api-url": never
  "cli.help.options.api-key": never
  "cli.help.options.shared-key": never
  "cli.help.options.config": never
  "cli.help.options.timeout-ms": never
  "cli.help.options.out": never
  "cli.help.options.json": never
  "cli.help.options.log-file": never
  "cli.help.options.lang": { "languages": string | number }
  "cli.help.options.help": never
  "cli.help.options.version": never
  "cli.help.server": never
  "cli.help.reference": never
  "cli.help.explain": never
  "cli.help.exit.heading": never
  "cli.help.exit.success": never
  "cli.help.exit.unexpected": never
  "cli.help.exit.invalid": never
  "cli.help.exit.refused": never
  "cli.help.exit.network": never
  "cli.help.exit.sso-incomplete": never
  "cli.help.exit.interrupted": never
  "cli.label.products": never
  "cli.label.hardware-id": never
  "cli.label.method": never
  "cli.label.server": never
  "cli.label.at": never
  "cli.label.source": never
  "cli.label.how": never
  "cli.label.licence": never
  "cli.label.seats": never
  "cli.label.valid": never
  "cli.label.state": never
  "cli.label.signatures": never
  "cli.label.checked-at": never
  "cli.label.bundle": never
  "cli.label.licence-key": never
  "cli.label.username": never
  "cli.label.written": never
  "cli.label.request-id": never
  "cli.label.format": never
  "cli.label.reference": never
  "cli.output.hardware-id.groups": { "fingerprint": string | number; "groups": string | number }
  "cli.output.hardware-id.source.override": never
  "cli.output.hardware-id.source.this-pc": never
  "cli.output.deactivated": { "bundle": string | number }
  "cli.output.activated": { "bundle": string | number }
  "cli.output.activated.products": { "bundle": string | number; "products": string | number }
  "cli.status.none": { "id": string | number; "source": string | number }
  "cli.status.none.hint": never
  "cli.status.holds": { "count": number; "id": string | number; "source": string | number }
  "cli.status.licence": { "holder": string | number; "id": string | number }
  "cli.request.written.at": { "at": string | number; "writer": string | number }
  "cli.request.written.as-stated": { "text": string | number; "writer": string | number }
  "cli.request.written.not-stated": { "writer": string | number }
  "cli.request.format.v2": never
  "cli.request.format.v1": never
  "cli.request.other-fields": never
  "cli.request.other-fields.more": { "count": number }
  "cli.request.file-written": { "path": string | number }
  "cli.request.next.heading": never
  "cli.request.next.not-free": never
  "cli.request.next.upload": never
  "cli.request.next.stop-using": never
  "cli.upload.freed": { "bundle": string | number }
  "cli.error.title": { "title": string | number }
  "cli.error.server-said": { "message": string | number }
  "cli.error.what-to-do": { "action": string | number }
  "cli.error.vendor-support": { "address": string | number }
  "cli.error.code": { "code": string | number; "http": string | number; "kind": string | number; "name": string | number }
  "cli.error.cause": { "cause": string | number }
  "cli.error.reference": { "reference": string | number }
  "cli.note.log-file-failed": { "path": string | number }
  "cli.note.password-visible": never
  "cli.note.shared-key": never
  "cli.sso.opening-browser": never
  "cli.sso.sign-in-here": { "link": string | number }
  "cli.sso.open-link": never
  "cli.sso.waiting": never
  "cli.sso.browser-not-opened": never
  "cli.sso.deactivating": never
  "cli.password.prompt": { "user": string | number }
  "cli.password.prompt.no-user": never
  "cli.problem.unknown-option": { "at": string | number }
  "cli.problem.unknown-option.suggest": { "at": string | number; "flag": string | number }
  "cli.problem.needs-value": { "at": string | number; "name": string | number }
  "cli.problem.takes-no-value": { "at": string | number; "name": string | number }
  "cli.problem.unreadable-arguments": never
  "cli.problem.unknown-command": { "at": string | number }
  "cli.problem.unexpected-argument": { "at": string | number }
  "cli.problem.password-twice": never
  "cli.problem.implicit-without-sso": never
  "cli.problem.sso-combined": { "flag": string | number }
  "cli.problem.no-password": never
  "cli.problem.activate-sso": never
  "cli.problem.no-keys": never
  "cli.problem.offline-password": never
  "cli.problem.offline-online-only": { "flag": string | number }
  "cli.problem.status-credential": { "flag": string | number }
  "cli.problem.no-server": never
  "cli.problem.offline-both": never
  "cli.problem.no-out": { "file": string | number }
  "cli.problem.no-file": never
  "cli.problem.file.not-found": { "path": string | number }
  "cli.problem.file.not-regular": { "kind": string | number; "path": string | number }
  "cli.problem.file.too-large": { "limit": number; "path": string | number }
  "cli.problem.file.timeout": { "path": string | number }
  "cli.problem.file.changed": { "path": string | number }
  "cli.problem.file.unreadable": { "code": string | number; "path": string | number }
  "cli.problem.no-method": never
  "cli.problem.customer-account-alone": never
  "cli.problem.mixed-methods": { "fields": string | number }
  "cli.problem.redirect-uri-without-code": never
  "cli.options.file": never
  "cli.options.reference": never
  "cli.options.online": never
  "cli.options.offline": never
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
  "common.request.unknown-field": { "field": string | number }
  "common.request.not-object": never
  "common.request.invalid": never
  "pages.signed-in.title": never
  "pages.return-to-app": { "app": string | number }
  "pages.sign-in-service-said": { "message": string | number }
  "pages.still-waiting": { "app": string | number }
  "pages.finished.title": never
  "pages.finished.text": never
  "pages.relay.title": never
  "pages.relay.passing": { "app": string | number }
  "pages.relay.failed": { "app": string | number }
  "pages.relay.needs-javascript": never
  "pages.answer.too-large": never
  "pages.answer.misdirected": never
  "pages.answer.bad-request": never
  "pages.answer.not-found": never
  "pages.answer.unsupported-type": never
  "pages.answer.method-not-allowed": never
  "pages.answer.forbidden": never
  "window.sandbox.banner": never
  "window.sandbox.reset": never
  "window.sandbox.reset.label": never
  "window.sandbox.reset.done": never
  "window.sandbox.reset.failed": never
}

export type MessageKey = keyof MessageParams
