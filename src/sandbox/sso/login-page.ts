import type { ServerResponse } from 'node:http'
import { escapeHtml, sendPage } from './html'

export interface LoginPageModel {
  interactionUid: string
  accountName: string
  email?: string
  error?: string
}

/** The provider's sign-in form for one customer account, optionally with the last attempt's error. */
export function sendLoginPage(res: ServerResponse, model: LoginPageModel): void {
  const base = `/interaction/${encodeURIComponent(model.interactionUid)}`
  const error = model.error ? `<p class="error" role="alert">${escapeHtml(model.error)}</p>` : ''
  sendPage(
    res,
    model.error ? 401 : 200,
    `Sign in – ${model.accountName}`,
    `<h1>Sign in to ${escapeHtml(model.accountName)}</h1>
<p class="note">Sandbox identity provider: use a user of this customer account from the sandbox seed.</p>
${error}
<form method="post" action="${base}/login" autocomplete="off">
<label for="email">Email</label>
<input id="email" name="email" type="email" required autofocus value="${escapeHtml(model.email ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" required>
<div class="actions"><button type="submit">Sign in</button>
<button type="submit" formaction="${base}/abort" formnovalidate>Cancel sign-in</button></div>
</form>`
  )
}

export function sendProblemPage(res: ServerResponse, status: number, title: string, message: string): void {
  sendPage(res, status, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`)
}
