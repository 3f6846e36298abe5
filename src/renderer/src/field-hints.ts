import { t } from '../../shared/i18n/current'

/** One sentence under each field: where to find what it asks for (read when the form is drawn, in its language). */
export const FIELD_HINTS = {
  get product() {
    return t('window.field.product.hint')
  },
  // Spaces around the key are dropped; its letters are sent as typed (the server compares them exactly).
  get licenseKey() {
    return t('window.field.license-key.hint')
  },
  get username() {
    return t('window.field.username.hint')
  },
  get password() {
    return t('window.field.password.hint')
  },
  get customerAccountCode() {
    return t('window.field.customer-account-code.hint')
  }
}
