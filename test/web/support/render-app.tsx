import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '../../../src/renderer/src/App'
import { inGroupsOfFour } from '../../../src/shared/helpdesk/hardware-id-format'
import { createQueryClient, ServicesProvider } from '../../../src/renderer/src/services'
import { FakeApi } from './fake-api'

export function renderApp(api: FakeApi = new FakeApi(), storage: Storage | null = window.localStorage) {
  const user = userEvent.setup()
  const view = render(
    <ServicesProvider services={{ api, storage }} queryClient={createQueryClient()}>
      <App />
    </ServicesProvider>
  )
  return { user, api, ...view }
}

/** Renders the app and waits until the form and this PC's hardware id are shown. */
export async function renderForm(api: FakeApi = new FakeApi(), storage: Storage | null = window.localStorage) {
  const rendered = renderApp(api, storage)
  await screen.findByRole('heading', { name: 'Deactivate a licence' })
  if (api.hardwareId.ok) await screen.findByText(inGroupsOfFour(api.hardwareId.value.id))
  else await screen.findByText(api.hardwareId.error.title)
  return rendered
}

export const ui = {
  submit: () => screen.getByRole('button', { name: 'Deactivate this PC' }),
  ssoSubmit: () => screen.getByRole('button', { name: 'Sign in with your company account' }),
  method: (name: string) => screen.getByRole('radio', { name }),
  field: (name: string) => screen.getByLabelText(name, { exact: true, selector: 'input[type=text], input[type=password], textarea' }),
  dialog: () => screen.getByRole('dialog', { name: /^Deactivate (this PC|the hardware id you entered)\?$/ }),
  queryDialog: () => screen.queryByRole('dialog', { name: /^Deactivate (this PC|the hardware id you entered)\?$/ })
}
