/** The only IPC channel names; nothing else in the code base spells them. */
export const IPC = {
  getAppInfo: 'license-manager:get-app-info',
  getHardwareId: 'license-manager:get-hardware-id',
  deactivate: 'license-manager:deactivate',
  deactivateWithSso: 'license-manager:deactivate-with-sso',
  cancelSso: 'license-manager:cancel-sso',
  warmUp: 'license-manager:warm-up',
  saveOfflineRequest: 'license-manager:save-offline-request',
  inspectOfflineRequest: 'license-manager:inspect-offline-request',
  uploadOfflineRequest: 'license-manager:upload-offline-request',
  ssoProgress: 'license-manager:sso-progress',
  takePrefill: 'license-manager:take-prefill',
  prefillArrived: 'license-manager:prefill-arrived',
  resetSandbox: 'license-manager:reset-sandbox',
  getStartupFacts: 'license-manager:get-startup-facts',
  openHelp: 'license-manager:open-help',
  getPcLicences: 'license-manager:get-pc-licences',
  checkSeatFree: 'license-manager:check-seat-free',
  getUserLicences: 'license-manager:get-user-licences',
  getLogTail: 'license-manager:get-log-tail',
  openLogsFolder: 'license-manager:open-logs-folder',
  getLanguage: 'license-manager:get-language',
  chooseLanguage: 'license-manager:choose-language'
} as const

export type IpcChannel = (typeof IPC)[keyof typeof IPC]
