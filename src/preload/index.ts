import { contextBridge, ipcRenderer } from 'electron'
import { createLicenseManagerApi } from './create-api'

contextBridge.exposeInMainWorld('licenseManager', createLicenseManagerApi(ipcRenderer))
