// Written by `npm run i18n:types` from src/locales/en/*.json: do not edit by hand.

/** Every message key, with the values its English text takes (`never`: it takes none). */
export interface MessageParams {
  "common.method.license-key": never
  "common.method.user": never
  "common.method.sso-token": never
  "common.method.sso-code": never
  "common.method-choice.license-key": never
  "shell.crash.reload": never
  "shell.crash.quit": { "product": string | number }
  "shell.crash.close": never
  "shell.crash.detail": { "action": string | number; "explanation": string | number; "reference": string | number }
  "shell.save.title": never
  "shell.save.button": never
  "shell.save.filter": never
  "shell.menu.about": { "product": string | number }
  "shell.menu.services": never
  "shell.menu.hide": { "product": string | number }
  "shell.menu.hide-others": never
  "shell.menu.show-all": never
  "shell.menu.quit": { "product": string | number }
  "shell.menu.edit": never
  "shell.menu.undo": never
  "shell.menu.redo": never
  "shell.menu.cut": never
  "shell.menu.copy": never
  "shell.menu.paste": never
  "shell.menu.select-all": never
  "shell.menu.window": never
  "shell.menu.minimize": never
  "shell.menu.zoom": never
  "shell.menu.front": never
  "shell.menu.developer": never
  "window.sandbox.banner": never
  "window.sandbox.reset": never
  "window.sandbox.reset.label": never
  "window.sandbox.reset.done": never
  "window.sandbox.reset.failed": never
  "window.app.outside": never
  "window.app.loading": never
  "window.app.server": { "server": string | number }
  "window.app.version": { "os": string | number; "product": string | number; "version": string | number }
  "window.language.label": never
  "window.tasks.label": never
  "window.tasks.online": never
  "window.tasks.on-this-pc": never
  "window.tasks.offline": never
  "window.tasks.upload": never
  "window.actions.copy-diagnostics": never
  "window.actions.diagnostics": never
  "window.actions.close": never
  "window.actions.cancel": never
  "window.actions.check-again": never
  "window.actions.see-active": never
  "window.actions.copy": never
  "window.copy.copied": never
  "window.copy.failed": never
  "window.reference.line": { "reference": string | number }
  "window.error.code-line": { "code": string | number; "status": string | number }
  "window.error.code-line.no-status": { "code": string | number }
  "window.error.what-to-do": never
  "window.error.server-message": { "message": string | number }
  "window.error.offline.body": { "sso": string | number }
  "window.error.offline.button": never
  "window.error.retry": never
  "window.error.another-account": never
  "window.logs.open": never
  "window.logs.problem": { "action": string | number; "explanation": string | number }
  "window.logs.failed": never
  "window.support.line": { "address": string | number }
  "window.support.copy.label": never
  "window.support.fallback": never
  "window.help.link": never
  "window.help.hint": never
  "window.help.not-opened": { "problem": string | number; "url": string | number }
  "window.help.not-opened.default": never
  "window.startup.heading": never
  "window.startup.version": never
  "window.startup.version.value": { "product": string | number; "version": string | number }
  "window.startup.system": never
  "window.startup.log-file": never
  "window.startup.unknown": never
  "window.startup.unreadable": never
  "window.startup.log-tail": never
  "window.form.heading": never
  "window.form.check-input": never
  "window.form.advanced": never
  "window.form.submit.deactivate": never
  "window.form.submit.sign-in": never
  "window.method.legend": never
  "window.method.hint.license-key": never
  "window.method.hint.user": never
  "window.method.hint.sso-code": never
  "window.method.hint.sso-token": never
  "window.field.product": never
  "window.field.product.hint": never
  "window.field.license-key": never
  "window.field.license-key.hint": never
  "window.field.username": never
  "window.field.username.hint": never
  "window.field.password": never
  "window.field.password.hint": never
  "window.field.customer-account-code": never
  "window.field.customer-account-code.hint": never
  "window.field.id-token": never
  "window.field.id-token.hint": never
  "window.field.id-token-via-browser": never
  "window.field.license-id": never
  "window.field.license-id.hint": never
  "window.prefill.from-view": { "bundle": string | number; "licence": string | number; "method": string | number }
  "window.prefill.link": { "details": string | number }
  "window.prefill.link.nothing": never
  "window.prefill.link.bundle": { "bundle": string | number }
  "window.prefill.link.account": { "account": string | number }
  "window.hardware.heading": never
  "window.hardware.own": never
  "window.hardware.own.not-sent": never
  "window.hardware.change": never
  "window.hardware.change.label": never
  "window.hardware.copy.label": never
  "window.hardware.copy.fallback": never
  "window.hardware.reading": never
  "window.hardware.will-be-sent": never
  "window.hardware.not-sent": never
  "window.hardware.fingerprint": { "fingerprint": string | number }
  "window.hardware.id-and-fingerprint": { "fingerprint": string | number; "id": string | number }
  "window.hardware.override.notice": { "id": string | number }
  "window.hardware.how-read": { "description": string | number }
  "window.hardware.override": never
  "window.hardware.override.hint": never
  "window.hardware.override.hint.required": never
  "window.hardware.override.typed": never
  "window.hardware.still-reading": never
  "window.hardware.unreadable": never
  "window.progress.deactivating": never
  "window.progress.opening-browser": never
  "window.progress.waiting-for-browser": never
  "window.progress.browser-not-opened": { "reason": string | number }
  "window.progress.browser-not-opened.default": never
  "window.progress.finish-in-browser": never
  "window.progress.cancel-sign-in": never
  "window.progress.copy-link": never
  "window.progress.link": never
  "window.confirm.title": never
  "window.confirm.title.override": never
  "window.confirm.this-pc": { "fingerprint": string | number; "id": string | number }
  "window.confirm.override": { "fingerprint": string | number; "id": string | number }
  "window.confirm.bundle": { "bundle": string | number }
  "window.confirm.bundle.override": { "bundle": string | number }
  "window.confirm.seat": never
  "window.confirm.method": { "method": string | number }
  "window.confirm.method.sso": { "method": string | number }
  "window.confirm.looking-up": never
  "window.confirm.deactivate": never
  "window.choices.legend": { "count": number }
  "window.choices.active-here": never
  "window.choices.seats": { "seats": string | number }
  "window.success.title": never
  "window.success.body": never
  "window.success.body.override": never
  "window.success.next": never
  "window.success.another": never
  "window.facts.bundle": never
  "window.facts.products-freed": never
  "window.facts.hardware-id": never
  "window.facts.fingerprint": never
  "window.facts.login-method": never
  "window.facts.time": never
  "window.seat-check.needs-sign-in": never
  "window.seat-check.asking": never
  "window.seat-check.free": never
  "window.seat-check.still-listed": never
  "window.seat-check.still-listed.advice": never
  "window.seat-check.failed": { "action": string | number; "title": string | number }
  "window.offline.heading": never
  "window.offline.lead": never
  "window.offline.method.user": never
  "window.offline.method.user.hint": never
  "window.offline.sso-note.summary": never
  "window.offline.sso-note": never
  "window.offline.product.hint": never
  "window.offline.save": never
  "window.offline.saving": never
  "window.offline.cancelled": never
  "window.offline.saved.title": never
  "window.offline.saved.path": { "path": string | number }
  "window.offline.next.heading": never
  "window.offline.next.not-free": never
  "window.offline.next.carry": { "product": string | number }
  "window.offline.next.stop-using": never
  "window.offline.done": never
  "window.upload.heading": never
  "window.upload.lead": never
  "window.upload.drop-zone": never
  "window.upload.file": never
  "window.upload.file.hint": { "size": number }
  "window.upload.reading": never
  "window.upload.refused": { "name": string | number }
  "window.upload.will-free": never
  "window.upload.from": { "name": string | number }
  "window.upload.confirm": never
  "window.upload.choose-another": never
  "window.upload.uploading": never
  "window.upload.freed.title": never
  "window.upload.freed.body": never
  "window.upload.freed.confirmed": { "at": string | number }
  "window.upload.another": never
  "window.summary.written": never
  "window.summary.written.as-stated": { "text": string | number }
  "window.summary.written.not-stated": never
  "window.summary.written-by": never
  "window.summary.request-id": never
  "window.summary.format": never
  "window.summary.format.v2": never
  "window.summary.format.v1": never
  "window.summary.other-fields": never
  "window.summary.other-fields.label": never
  "window.summary.other-fields.more": { "count": number }
  "window.summary.other-fields.hint": never
  "window.pc.heading": never
  "window.pc.lead": { "target": string | number }
  "window.pc.lead.with-id": { "id": string | number; "target": string | number }
  "window.pc.asking": never
  "window.pc.none": { "id": string | number }
  "window.pc.none.hint": never
  "window.pc.count": { "count": number }
  "window.pc.other": never
  "window.pc.other.field": never
  "window.pc.other.hint": never
  "window.pc.other.check": never
  "window.bundle.deactivate": never
  "window.bundle.licence": never
  "window.bundle.products": never
  "window.bundle.products.unnamed": never
  "window.bundle.seats": never
  "window.bundle.valid": never
  "window.bundle.state": never
}

export type MessageKey = keyof MessageParams
