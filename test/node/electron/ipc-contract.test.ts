import { describe, expectTypeOf, it } from 'vitest'
import type { AppInfo, HardwareIdInfo, LicenseManagerApi } from '../../../src/shared/api'
import { IPC } from '../../../src/shared/ipc-channels'
import type { IpcContract, PayloadOf } from '../../../src/shared/ipc-contract'
import type { Outcome } from '../../../src/shared/outcome'
import type { ChannelHandler, ContractHandlers } from '../../../src/main/electron/ipc'
import { parseNoArgs, parseOfflineContentArgs } from '../../../src/main/electron/ipc-payloads'
import { contractInvoke } from '../../../src/preload/create-api'
import { success } from '../../../src/shared/outcome'

/*
 * Type-level: `npm run typecheck` compiles this file, and each `@ts-expect-error` fails the
 * check the day the line below it compiles, i.e. the day the contract stops catching the mistake.
 */

const invoke = contractInvoke({ invoke: async () => null, on: () => undefined, removeListener: () => undefined })
const hardwareId: HardwareIdInfo = { id: 'pc', source: 'override', description: 'Typed into the hardware id override' }
/** Checks `value` against `Type` as an assignment to a variable of that type would. */
const assignTo = <Type>(value: Type): Type => value

describe('the IPC contract map types both ends of every channel', () => {
  it('the preload invokes a channel with its own payload and gets its own result', () => {
    expectTypeOf(invoke<typeof IPC.getAppInfo>).returns.toEqualTypeOf<Promise<Outcome<AppInfo>>>()
    expectTypeOf<IpcContract[typeof IPC.getHardwareId]>().toEqualTypeOf<LicenseManagerApi['getHardwareId']>()
    expectTypeOf<PayloadOf<typeof IPC.cancelSso>>().toEqualTypeOf<null>()
    expectTypeOf(invoke<typeof IPC.getAppInfo>).toBeCallableWith(IPC.getAppInfo)
    // @ts-expect-error a channel that takes no payload refuses one
    expectTypeOf(invoke<typeof IPC.getAppInfo>).toBeCallableWith(IPC.getAppInfo, { product: 'office-suite' })
    // @ts-expect-error the upload channel takes a request file's content, not an offline request
    expectTypeOf(invoke<typeof IPC.uploadOfflineRequest>).toBeCallableWith(IPC.uploadOfflineRequest, { product: 'office-suite', licenseKey: 'K' })
    // @ts-expect-error the hardware-id channel answers hardware id info, not app info
    assignTo<() => Promise<Outcome<AppInfo>>>(() => invoke(IPC.getHardwareId))
  })

  it('the shell registers each channel with a parser and a call of that channel', () => {
    // @ts-expect-error the app-info channel must answer app info, not hardware id info
    assignTo<ChannelHandler<typeof IPC.getAppInfo>>({ parse: parseNoArgs, call: () => success(hardwareId) })
    // @ts-expect-error the deactivate channel's payload is not "no payload"
    assignTo<ChannelHandler<typeof IPC.deactivate>>({ parse: parseNoArgs, call: async () => ({ ok: false, error: {} as never }) })
    // @ts-expect-error the save channel's payload is an offline request; the request-file parser does not give one
    assignTo<ContractHandlers[typeof IPC.saveOfflineRequest]['parse']>(parseOfflineContentArgs)
  })
})
