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
  "cli.problem.unknown-language": { "languages": string | number }
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
  "errors.unknown_product.title": never
  "errors.unknown_product.explanation": never
  "errors.unknown_product.action": never
  "errors.product_not_bundle.title": never
  "errors.product_not_bundle.explanation": never
  "errors.product_not_bundle.action": never
  "errors.license_not_found.title": never
  "errors.license_not_found.explanation": never
  "errors.license_not_found.action": never
  "errors.license_not_found.license-key.explanation": never
  "errors.license_not_found.license-key.action": never
  "errors.license_not_found.user.explanation": never
  "errors.license_not_found.user.action": never
  "errors.license_not_found.sso-code.explanation": never
  "errors.license_not_found.sso-code.action": never
  "errors.license_not_found.sso-token.explanation": never
  "errors.license_not_found.sso-token.action": never
  "errors.license_not_active.title": never
  "errors.license_not_active.explanation": never
  "errors.license_not_active.action": never
  "errors.device_not_found.title": never
  "errors.device_not_found.explanation": never
  "errors.device_not_found.action": never
  "errors.device_not_found.command-line.action": never
  "errors.missing_headers.title": never
  "errors.missing_headers.explanation": never
  "errors.missing_headers.action": never
  "errors.authorization_invalid_headers.title": never
  "errors.authorization_invalid_headers.explanation": never
  "errors.authorization_invalid_headers.action": never
  "errors.authorization_missing_params.title": never
  "errors.authorization_missing_params.explanation": never
  "errors.authorization_missing_params.action": never
  "errors.hmac_required.title": never
  "errors.hmac_required.explanation": never
  "errors.hmac_required.action": never
  "errors.invalid_api_key.title": never
  "errors.invalid_api_key.explanation": never
  "errors.invalid_api_key.action": never
  "errors.revoked_api_key.title": never
  "errors.revoked_api_key.explanation": never
  "errors.revoked_api_key.action": never
  "errors.read_only_api_key.title": never
  "errors.read_only_api_key.explanation": never
  "errors.read_only_api_key.action": never
  "errors.api_key_product_not_allowed.title": never
  "errors.api_key_product_not_allowed.explanation": never
  "errors.api_key_product_not_allowed.action": never
  "errors.date_header_diff.title": never
  "errors.date_header_diff.explanation": never
  "errors.date_header_diff.action": never
  "errors.signature_mismatch.title": never
  "errors.signature_mismatch.explanation": never
  "errors.signature_mismatch.action": never
  "errors.oauth_token_expired.title": never
  "errors.oauth_token_expired.explanation": never
  "errors.oauth_token_expired.action": never
  "errors.oauth_token_malformed.title": never
  "errors.oauth_token_malformed.explanation": never
  "errors.oauth_token_malformed.action": never
  "errors.oauth_token_request_failed.title": never
  "errors.oauth_token_request_failed.explanation": never
  "errors.oauth_token_request_failed.action": never
  "errors.validation_error.title": never
  "errors.validation_error.explanation": never
  "errors.validation_error.action": never
  "errors.missing_hardware_id.title": never
  "errors.missing_hardware_id.explanation": never
  "errors.missing_hardware_id.action": never
  "errors.missing_hardware_id.command-line.action": never
  "errors.license_key_required.title": never
  "errors.license_key_required.explanation": never
  "errors.license_key_required.action": never
  "errors.license_key_required.command-line.action": never
  "errors.missing_parameters.title": never
  "errors.missing_parameters.explanation": never
  "errors.missing_parameters.action": never
  "errors.invalid_json.title": never
  "errors.invalid_json.explanation": never
  "errors.invalid_json.action": never
  "errors.not_found.title": never
  "errors.not_found.explanation": never
  "errors.not_found.action": never
  "errors.internal_error.title": never
  "errors.internal_error.explanation": never
  "errors.internal_error.on-read.explanation": never
  "errors.internal_error.action": never
  "errors.disabled_product.title": never
  "errors.disabled_product.explanation": never
  "errors.disabled_product.action": never
  "errors.archived_product.title": never
  "errors.archived_product.explanation": never
  "errors.archived_product.action": never
  "errors.license_not_enabled.title": never
  "errors.license_not_enabled.explanation": never
  "errors.license_not_enabled.action": never
  "errors.blacklisted.title": never
  "errors.blacklisted.explanation": never
  "errors.blacklisted.action": never
  "errors.license_expired.title": never
  "errors.license_expired.explanation": never
  "errors.license_expired.action": never
  "errors.license_activated_max_times.title": never
  "errors.license_activated_max_times.explanation": never
  "errors.license_activated_max_times.action": never
  "errors.customer_account_not_found.title": never
  "errors.customer_account_not_found.explanation": never
  "errors.customer_account_not_found.action": never
  "errors.sso_not_enabled.title": never
  "errors.sso_not_enabled.explanation": never
  "errors.sso_not_enabled.action": never
  "errors.sso_code_invalid.title": never
  "errors.sso_code_invalid.explanation": never
  "errors.sso_code_invalid.action": never
  "errors.sso_redirect_uri_mismatch.title": never
  "errors.sso_redirect_uri_mismatch.explanation": never
  "errors.sso_redirect_uri_mismatch.action": never
  "errors.sso_redirect_uri_mismatch.port-chosen.explanation": never
  "errors.sso_redirect_uri_mismatch.port-chosen.action": never
  "errors.sso_token_invalid.title": never
  "errors.sso_token_invalid.explanation": never
  "errors.sso_token_invalid.action": never
  "errors.sso_user_not_found.title": never
  "errors.sso_user_not_found.explanation": never
  "errors.sso_user_not_found.action": never
  "errors.cannot_connect_to_server.title": never
  "errors.cannot_connect_to_server.explanation": never
  "errors.cannot_connect_to_server.action": never
  "errors.cannot_connect_to_server.refused.explanation": never
  "errors.cannot_connect_to_server.refused.action": never
  "errors.cannot_connect_to_server.pc-online.explanation": never
  "errors.cannot_connect_to_server.pc-online.action": never
  "errors.dns_failure.title": never
  "errors.dns_failure.explanation": never
  "errors.dns_failure.action": never
  "errors.dns_failure.no-such-name.explanation": never
  "errors.dns_failure.no-such-name.action": never
  "errors.dns_failure.no-name-server.explanation": never
  "errors.dns_failure.no-name-server.action": never
  "errors.timeout.title": never
  "errors.timeout.explanation": never
  "errors.timeout.on-read.explanation": never
  "errors.timeout.action": never
  "errors.timeout.pc-online.explanation": never
  "errors.timeout.pc-online.on-read.explanation": never
  "errors.timeout.pc-online.action": never
  "errors.tls_failure.title": never
  "errors.tls_failure.explanation": never
  "errors.tls_failure.action": never
  "errors.connection_reset.title": never
  "errors.connection_reset.explanation": never
  "errors.connection_reset.on-read.explanation": never
  "errors.connection_reset.action": never
  "errors.proxy_failure.title": never
  "errors.proxy_failure.explanation": never
  "errors.proxy_failure.action": never
  "errors.pc_offline.title": never
  "errors.pc_offline.explanation": never
  "errors.pc_offline.action": never
  "errors.proxy_auth_required.title": never
  "errors.proxy_auth_required.explanation": never
  "errors.proxy_auth_required.action": never
  "errors.network_error.title": never
  "errors.network_error.explanation": never
  "errors.network_error.action": never
  "errors.too_many_requests.title": never
  "errors.too_many_requests.explanation": never
  "errors.too_many_requests.action": never
  "errors.server_unavailable.title": never
  "errors.server_unavailable.explanation": never
  "errors.server_unavailable.action": never
  "errors.empty_error_body.title": never
  "errors.empty_error_body.explanation": never
  "errors.empty_error_body.action": never
  "errors.non_json_error_body.title": never
  "errors.non_json_error_body.explanation": never
  "errors.non_json_error_body.action": never
  "errors.html_error_body.title": never
  "errors.html_error_body.explanation": never
  "errors.html_error_body.action": never
  "errors.html_error_body.redirect.explanation": never
  "errors.unexpected_response.title": never
  "errors.unexpected_response.explanation": never
  "errors.unexpected_response.on-read.explanation": never
  "errors.unexpected_response.action": never
  "errors.unexpected_response.on-read.action": never
  "errors.response_too_large.title": never
  "errors.response_too_large.explanation": never
  "errors.response_too_large.on-read.explanation": never
  "errors.response_too_large.action": never
  "errors.response_too_large.on-read.action": never
  "errors.response_signature_invalid.title": never
  "errors.response_signature_invalid.explanation": never
  "errors.response_signature_invalid.action": never
  "errors.response_signature_invalid.missing.explanation": never
  "errors.seat_check_unavailable.title": never
  "errors.seat_check_unavailable.explanation": never
  "errors.seat_check_unavailable.action": never
  "errors.invalid_input.title": never
  "errors.invalid_input.explanation": never
  "errors.invalid_input.action": never
  "errors.invalid_input.with-problem.explanation": { "nothing": string | number; "problem": string | number }
  "errors.invalid_input.command-line.correct": { "options": string | number }
  "errors.invalid_input.command-line.action": never
  "errors.prefill_link_invalid.title": never
  "errors.prefill_link_invalid.explanation": never
  "errors.prefill_link_invalid.action": never
  "errors.prefill_link_invalid.with-problem.explanation": { "problem": string | number }
  "errors.hardware_id_unavailable.title": never
  "errors.hardware_id_unavailable.explanation": never
  "errors.hardware_id_unavailable.action": never
  "errors.hardware_id_unavailable.command-line.action": never
  "errors.config_invalid.title": never
  "errors.config_invalid.explanation": never
  "errors.config_invalid.action": never
  "errors.config_invalid.with-example.explanation": { "example": string | number; "problem": string | number }
  "errors.config_invalid.cli-sandbox.action": never
  "errors.config_invalid.given-option.action": never
  "errors.help_page_not_opened.title": never
  "errors.help_page_not_opened.explanation": never
  "errors.help_page_not_opened.action": never
  "errors.help_page_not_opened.not-configured.explanation": never
  "errors.busy.title": never
  "errors.busy.explanation": never
  "errors.busy.action": never
  "errors.ipc_forbidden.title": never
  "errors.ipc_forbidden.explanation": never
  "errors.ipc_forbidden.action": never
  "errors.sandbox_start_failed.title": never
  "errors.sandbox_start_failed.explanation": never
  "errors.sandbox_start_failed.action": never
  "errors.app_internal_error.title": never
  "errors.app_internal_error.explanation": never
  "errors.app_internal_error.on-read.explanation": never
  "errors.app_internal_error.action": never
  "errors.app_internal_error.on-read.action": never
  "errors.interrupted.title": never
  "errors.interrupted.explanation": never
  "errors.interrupted.action": never
  "errors.interrupted.nothing-sent.explanation": never
  "errors.interrupted.signing-in.explanation": never
  "errors.interrupted.request-sent.explanation": never
  "errors.interrupted.request-sent.action": never
  "errors.app_no_answer.title": never
  "errors.app_no_answer.explanation": never
  "errors.app_no_answer.on-read.explanation": never
  "errors.app_no_answer.action": never
  "errors.window_crashed.title": never
  "errors.window_crashed.explanation": never
  "errors.window_crashed.action": never
  "errors.window_crashed.oom.explanation": never
  "errors.window_crashed.oom.action": never
  "errors.window_crashed.killed.explanation": never
  "errors.helper_process_stopped.title": never
  "errors.helper_process_stopped.explanation": never
  "errors.helper_process_stopped.action": never
  "errors.app_unexpected_error.title": never
  "errors.app_unexpected_error.explanation": never
  "errors.app_unexpected_error.action": never
  "errors.logs_unavailable.title": never
  "errors.logs_unavailable.explanation": never
  "errors.logs_unavailable.action": never
  "errors.logs_unavailable.read.explanation": never
  "errors.logs_unavailable.open.explanation": never
  "errors.logs_unavailable.open.action": never
  "errors.missing_content.title": never
  "errors.missing_content.explanation": never
  "errors.missing_content.action": never
  "errors.offline_file_too_large.title": never
  "errors.offline_file_too_large.explanation": never
  "errors.offline_file_too_large.action": never
  "errors.offline_file_wrong_type.title": never
  "errors.offline_file_wrong_type.explanation": never
  "errors.offline_file_wrong_type.action": never
  "errors.offline_file_wrong_type.empty.explanation": never
  "errors.offline_file_wrong_type.hostile.explanation": never
  "errors.offline_file_wrong_type.activation-request.explanation": never
  "errors.offline_file_truncated.title": never
  "errors.offline_file_truncated.explanation": never
  "errors.offline_file_truncated.action": never
  "errors.offline_save_failed.title": never
  "errors.offline_save_failed.explanation": never
  "errors.offline_save_failed.action": never
  "errors.offline_save_failed.file-exists.explanation": never
  "errors.offline_save_failed.file-exists.action": never
  "errors.offline_request_tampered.title": never
  "errors.offline_request_tampered.explanation": never
  "errors.offline_request_tampered.action": never
  "errors.offline_request_replayed.title": never
  "errors.offline_request_replayed.explanation": never
  "errors.offline_request_replayed.action": never
  "errors.offline_request_expired.title": never
  "errors.offline_request_expired.explanation": never
  "errors.offline_request_expired.action": never
  "errors.offline_request_schema_too_old.title": never
  "errors.offline_request_schema_too_old.explanation": never
  "errors.offline_request_schema_too_old.action": never
  "errors.sso_cancelled.title": never
  "errors.sso_cancelled.explanation": never
  "errors.sso_cancelled.action": never
  "errors.sso_cancelled.provider-page.explanation": never
  "errors.sso_timeout.title": never
  "errors.sso_timeout.explanation": never
  "errors.sso_timeout.action": never
  "errors.sso_replaced.title": never
  "errors.sso_replaced.explanation": never
  "errors.sso_replaced.action": never
  "errors.sso_state_mismatch.title": never
  "errors.sso_state_mismatch.explanation": never
  "errors.sso_state_mismatch.action": never
  "errors.sso_access_denied.title": never
  "errors.sso_access_denied.explanation": never
  "errors.sso_access_denied.action": never
  "errors.sso_provider_error.title": never
  "errors.sso_provider_error.explanation": never
  "errors.sso_provider_error.action": never
  "errors.sso_invalid_callback.title": never
  "errors.sso_invalid_callback.explanation": never
  "errors.sso_invalid_callback.action": never
  "errors.sso_port_in_use.title": never
  "errors.sso_port_in_use.explanation": never
  "errors.sso_port_in_use.action": never
  "errors.sso_port_in_use.busy.explanation": { "address": string | number }
  "errors.sso_port_in_use.busy-localhost.explanation": { "address": string | number; "localhost": string | number }
  "errors.sso_port_in_use.not-listening.explanation": { "address": string | number; "cause": string | number }
  "errors.sso_port_in_use.not-listening-localhost.explanation": { "address": string | number; "cause": string | number; "localhost": string | number }
  "errors.sso_redirect_not_loopback.title": never
  "errors.sso_redirect_not_loopback.explanation": never
  "errors.sso_redirect_not_loopback.action": never
  "errors.sso_redirect_not_loopback.no-redirect-uri.explanation": never
  "errors.sso_browser_failed.title": never
  "errors.sso_browser_failed.explanation": never
  "errors.sso_browser_failed.action": never
  "errors.sso_unsafe_url.title": never
  "errors.sso_unsafe_url.explanation": never
  "errors.sso_unsafe_url.action": never
  "errors.unknown-server-code.title": never
  "errors.unknown-server-code.explanation": never
  "errors.unknown-server-code.action": never
  "errors.unknown-server-code.no-message.explanation": never
  "errors.success.title": never
  "errors.success.explanation": never
  "errors.while-asking.oauth-token-server": { "explanation": string | number }
  "errors.file-refusal.with-reason": { "explanation": string | number; "reason": string | number }
  "errors.hardware_id_unavailable.empty-id": never
  "errors.hardware_id_unavailable.computer-name": never
  "errors.hardware_id_unavailable.configured-failed": { "cause": string | number }
  "errors.hardware_id_unavailable.configured-too-long": { "limit": string | number }
  "errors.hardware_id_unavailable.os-failed": { "cause": string | number; "platform": string | number }
  "errors.hardware_id_unavailable.licensespring-missing": never
  "errors.hardware_id_unavailable.licensespring-not-loaded": { "cause": string | number }
  "errors.hardware_id_unavailable.licensespring-failed": { "algorithm": string | number; "cause": string | number }
  "errors.hardware_id_unavailable.licensespring-too-long": { "limit": string | number }
  "errors.hardware_id_unavailable.read-failed": { "cause": string | number }
  "errors.file-refusal.reason.activation-request": never
  "errors.file-refusal.reason.not-deactivation": never
  "errors.file-refusal.reason.fields-missing": { "missing": string | number }
  "errors.file-refusal.reason.too-large": { "limit": string | number }
  "errors.file-refusal.reason.empty": never
  "errors.file-refusal.reason.not-base64": never
  "errors.file-refusal.reason.base64-ends-early": never
  "errors.file-refusal.reason.not-json-base64": never
  "errors.file-refusal.reason.not-canonical-base64": never
  "errors.file-refusal.reason.not-utf8": never
  "errors.file-refusal.reason.not-json-object": never
  "errors.file-refusal.reason.too-deep": { "limit": string | number }
  "errors.file-refusal.reason.prototype-key": never
  "errors.file-refusal.reason.json-ends-early": never
  "errors.file-refusal.reason.not-valid-json": never
  "errors.file-refusal.reason.no-field": { "field": string | number }
  "errors.file-refusal.reason.no-licence-field": never
  "errors.invalid_input.file-not-text": never
  "errors.config_invalid.no-server-for-upload": never
  "errors.oauth_token_request_failed.no-token": never
  "errors.config_invalid.machine-file.refused": { "platform": string | number; "problem": string | number }
  "errors.config_invalid.machine-file.unreadable": { "cause": string | number; "file": string | number }
  "errors.config_invalid.machine-file.not-a-file": { "file": string | number }
  "errors.config_invalid.machine-file.file-owner": { "file": string | number; "uid": string | number }
  "errors.config_invalid.machine-file.file-writable": { "file": string | number; "mode": string | number }
  "errors.config_invalid.machine-file.folder-unchecked": { "folder": string | number }
  "errors.config_invalid.machine-file.folder-owner": { "folder": string | number; "uid": string | number }
  "errors.config_invalid.machine-file.folder-writable": { "folder": string | number; "mode": string | number }
  "errors.config_invalid.setting.file-field": { "key": string | number }
  "errors.config_invalid.problem.not-valid": { "setting": string | number }
  "errors.config_invalid.problem.file-not-json": { "file": string | number }
  "errors.config_invalid.problem.file-not-object": never
  "errors.config_invalid.problem.unknown-setting": { "known": string | number; "setting": string | number }
  "errors.config_invalid.problem.unknown-auth-setting": { "setting": string | number }
  "errors.config_invalid.problem.auth-not-object": { "setting": string | number }
  "errors.config_invalid.problem.url-missing": { "setting": string | number }
  "errors.config_invalid.problem.url-invalid": { "setting": string | number }
  "errors.config_invalid.problem.url-https": { "ipv4": string | number; "ipv6": string | number; "name": string | number; "setting": string | number }
  "errors.config_invalid.problem.url-credentials": { "setting": string | number }
  "errors.config_invalid.problem.url-query": { "setting": string | number }
  "errors.config_invalid.problem.url-port": { "port": string | number; "setting": string | number }
  "errors.config_invalid.problem.web-address-missing": { "setting": string | number }
  "errors.config_invalid.problem.web-address-invalid": { "setting": string | number }
  "errors.config_invalid.problem.web-address-https": { "setting": string | number }
  "errors.config_invalid.problem.too-long": { "limit": string | number; "setting": string | number }
  "errors.config_invalid.problem.bundle-products-list": { "setting": string | number }
  "errors.config_invalid.problem.bundle-codes-object": { "setting": string | number }
  "errors.config_invalid.problem.bundle-count": { "limit": string | number; "setting": string | number }
  "errors.config_invalid.problem.public-key-missing": { "setting": string | number }
  "errors.config_invalid.problem.public-key-invalid": { "setting": string | number }
  "errors.config_invalid.problem.not-text": { "setting": string | number }
  "errors.config_invalid.problem.empty": { "setting": string | number }
  "errors.config_invalid.problem.control-characters": { "setting": string | number }
  "errors.config_invalid.problem.milliseconds": { "max": string | number; "setting": string | number }
  "errors.config_invalid.problem.one-of": { "choices": string | number; "setting": string | number }
  "errors.config_invalid.problem.algorithm": { "choices": string | number; "setting": string | number }
  "errors.config_invalid.problem.algorithm-without-source": { "setting": string | number; "source": string | number }
  "errors.config_invalid.problem.scheme-ambiguous": { "choices": string | number; "setting": string | number }
  "errors.config_invalid.problem.credential-required": { "fileKey": string | number; "scheme": string | number; "setting": string | number }
  "errors.config_invalid.problem.key-header-breaker": { "setting": string | number }
  "errors.config_invalid.problem.key-space": { "setting": string | number }
  "errors.config_invalid.problem.key-not-ascii": { "setting": string | number }
  "errors.config_invalid.problem.keys-required": { "apiKey": string | number; "auth": string | number; "setting": string | number; "sharedKey": string | number }
  "errors.config_invalid.problem.server-required": { "apiUrl": string | number; "setting": string | number }
  "errors.config_invalid.problem.product-name-hidden": { "setting": string | number }
  "errors.config_invalid.problem.logo-path": { "setting": string | number }
  "errors.config_invalid.problem.support-text": { "setting": string | number }
  "errors.config_invalid.problem.support-web": { "setting": string | number }
  "errors.config_invalid.problem.support-email": { "example": string | number; "setting": string | number }
  "errors.config_invalid.problem.logo-not-image": { "setting": string | number }
  "errors.config_invalid.problem.logo-png-size": { "max": string | number; "setting": string | number }
  "errors.config_invalid.problem.logo-svg-not-utf8": { "setting": string | number }
  "errors.config_invalid.problem.logo-svg-no-root": { "root": string | number; "setting": string | number }
  "errors.config_invalid.problem.logo-svg-no-namespace": { "attribute": string | number; "root": string | number; "setting": string | number }
  "errors.config_invalid.problem.logo-svg-entities": { "entity": string | number; "setting": string | number }
  "errors.config_invalid.problem.accent-not-colour": { "long": string | number; "perTheme": string | number; "setting": string | number; "short": string | number }
  "errors.config_invalid.problem.accent-too-faint": { "background": string | number; "colour": string | number; "minimum": string | number; "ratio": string | number; "scheme": string | number; "setting": string | number }
  "errors.config_invalid.example.configuration-file": { "json": string | number }
  "errors.config_invalid.example.api-url": { "url": string | number }
  "errors.config_invalid.example.auth-scheme": { "hmac": string | number; "oauth": string | number }
  "errors.config_invalid.example.auth": { "hmac": string | number; "none": string | number; "oauth": string | number }
  "errors.config_invalid.example.api-key": { "key": string | number }
  "errors.config_invalid.example.shared-key": never
  "errors.config_invalid.example.token-url": { "url": string | number }
  "errors.config_invalid.example.client-id": { "id": string | number }
  "errors.config_invalid.example.client-secret": never
  "errors.config_invalid.example.default-product": { "code": string | number; "none": string | number }
  "errors.config_invalid.example.default-customer-account": { "code": string | number; "none": string | number }
  "errors.config_invalid.example.timeout-ms": { "value": string | number }
  "errors.config_invalid.example.sso-timeout-ms": { "value": string | number }
  "errors.config_invalid.example.sso-token-field": { "access": string | number; "id": string | number }
  "errors.config_invalid.example.hardware-id-algorithm": { "name": string | number; "number": string | number; "source": string | number }
  "errors.config_invalid.example.help-url": { "url": string | number }
  "errors.config_invalid.example.bundle-products": { "json": string | number }
  "errors.config_invalid.example.public-key": { "newline": string | number; "pem": string | number }
  "errors.config_invalid.example.product-name": { "name": string | number }
  "errors.config_invalid.example.logo": { "png": string | number; "svg": string | number }
  "errors.config_invalid.example.accent-color": { "colour": string | number; "inVariable": string | number; "perTheme": string | number; "variable": string | number }
  "errors.config_invalid.example.support-contact": { "email": string | number; "web": string | number }
  "errors.file-problem.kind.directory": never
  "errors.file-problem.kind.fifo": never
  "errors.file-problem.kind.character-device": never
  "errors.file-problem.kind.block-device": never
  "errors.file-problem.kind.socket": never
  "errors.file-problem.kind.special-file": never
  "errors.file-problem.not-found": { "file": string | number; "role": string | number; "setting": string | number }
  "errors.file-problem.not-regular": { "file": string | number; "kind": string | number; "role": string | number; "setting": string | number }
  "errors.file-problem.too-large": { "file": string | number; "limit": string | number; "role": string | number; "setting": string | number }
  "errors.file-problem.timeout": { "file": string | number; "role": string | number; "setting": string | number }
  "errors.file-problem.changed": { "file": string | number; "role": string | number; "setting": string | number }
  "errors.file-problem.unreadable": { "code": string | number; "file": string | number; "role": string | number; "setting": string | number }
  "errors.config_invalid.example.language": { "languages": string | number; "pseudo": string | number }
  "errors.config_invalid.example.languages": { "example": string | number; "languages": string | number }
  "errors.config_invalid.problem.language-list": { "setting": string | number }
  "errors.config_invalid.problem.language-list-empty": { "setting": string | number }
  "errors.config_invalid.problem.language-list-repeats": { "setting": string | number }
  "errors.config_invalid.problem.language-not-offered": { "languages": string | number; "setting": string | number }
  "errors.invalid_input.language-not-offered": never
  "helpdesk.label.reference": never
  "helpdesk.label.code": never
  "helpdesk.label.status": never
  "helpdesk.label.title": never
  "helpdesk.label.meaning": never
  "helpdesk.label.caller-action": never
  "helpdesk.label.command-line": never
  "helpdesk.label.cases": never
  "helpdesk.label.say": never
  "helpdesk.label.check": never
  "helpdesk.label.next": never
  "helpdesk.label.sandbox-only": never
  "helpdesk.label.guide": never
  "helpdesk.label.before-value": { "label": string | number }
  "helpdesk.label.with-value": { "label": string | number; "value": string | number }
  "helpdesk.status.answered": { "part": string | number; "status": string | number }
  "helpdesk.status.no-answer": { "part": string | number }
  "helpdesk.status.this-pc": { "part": string | number }
  "helpdesk.status.success": { "confirmed": string | number; "pc": string | number; "status": string | number }
  "helpdesk.status.varies": never
  "helpdesk.status.absent": never
  "helpdesk.reference-problem.malformed": never
  "helpdesk.reference-problem.unknown-mnemonic": { "letters": string | number }
  "helpdesk.reference-problem.status-does-not-fit.this-pc": { "mnemonic": string | number; "title": string | number }
  "helpdesk.reference-problem.status-does-not-fit.server": { "mnemonic": string | number; "title": string | number }
  "helpdesk.reference-problem.status-does-not-fit.answers-status": { "mnemonic": string | number; "title": string | number }
  "helpdesk.reference-problem.status-does-not-fit.success": { "mnemonic": string | number; "title": string | number }
  "helpdesk.reference-problem.status-does-not-fit.unknown-code": { "mnemonic": string | number; "title": string | number }
  "helpdesk.shared.setup.say": never
  "helpdesk.shared.setup.next": never
  "helpdesk.shared.vendor.next": never
  "helpdesk.shared.authorization.check": never
  "helpdesk.shared.default-browser.check": never
  "helpdesk.shared.log.next": never
  "helpdesk.shared.no-request-file.next": never
  "helpdesk.result.unknown_product.say": never
  "helpdesk.result.unknown_product.check": never
  "helpdesk.result.unknown_product.next": never
  "helpdesk.result.product_not_bundle.say": never
  "helpdesk.result.product_not_bundle.check": never
  "helpdesk.result.product_not_bundle.next": never
  "helpdesk.result.license_not_found.say": never
  "helpdesk.result.license_not_found.check": never
  "helpdesk.result.license_not_found.next": never
  "helpdesk.result.license_not_active.say": never
  "helpdesk.result.license_not_active.check": never
  "helpdesk.result.license_not_active.next": never
  "helpdesk.result.device_not_found.say": never
  "helpdesk.result.device_not_found.check": never
  "helpdesk.result.device_not_found.next": never
  "helpdesk.result.missing_headers.check": never
  "helpdesk.result.hmac_required.check": never
  "helpdesk.result.invalid_api_key.check": never
  "helpdesk.result.revoked_api_key.check": never
  "helpdesk.result.read_only_api_key.check": never
  "helpdesk.result.api_key_product_not_allowed.say": never
  "helpdesk.result.api_key_product_not_allowed.check": never
  "helpdesk.result.api_key_product_not_allowed.next": never
  "helpdesk.result.date_header_diff.say": never
  "helpdesk.result.date_header_diff.check": never
  "helpdesk.result.date_header_diff.next": never
  "helpdesk.result.signature_mismatch.check": never
  "helpdesk.result.oauth_token_expired.say": never
  "helpdesk.result.oauth_token_expired.check": never
  "helpdesk.result.oauth_token_malformed.check": never
  "helpdesk.result.oauth_token_request_failed.check": never
  "helpdesk.result.validation_error.say": never
  "helpdesk.result.validation_error.check": never
  "helpdesk.result.missing_hardware_id.say": never
  "helpdesk.result.missing_hardware_id.check": never
  "helpdesk.result.license_key_required.say": never
  "helpdesk.result.license_key_required.check": never
  "helpdesk.result.license_key_required.next": never
  "helpdesk.result.missing_parameters.say": never
  "helpdesk.result.missing_parameters.check": never
  "helpdesk.result.invalid_json.say": never
  "helpdesk.result.invalid_json.check": never
  "helpdesk.result.not_found.check": never
  "helpdesk.result.internal_error.say": never
  "helpdesk.result.internal_error.check": never
  "helpdesk.result.disabled_product.say": never
  "helpdesk.result.disabled_product.check": never
  "helpdesk.result.disabled_product.next": never
  "helpdesk.result.archived_product.say": never
  "helpdesk.result.archived_product.check": never
  "helpdesk.result.archived_product.next": never
  "helpdesk.result.license_not_enabled.say": never
  "helpdesk.result.license_not_enabled.check": never
  "helpdesk.result.license_not_enabled.next": never
  "helpdesk.result.blacklisted.say": never
  "helpdesk.result.blacklisted.check": never
  "helpdesk.result.blacklisted.next": never
  "helpdesk.result.license_expired.say": never
  "helpdesk.result.license_expired.check": never
  "helpdesk.result.license_expired.next": never
  "helpdesk.result.license_activated_max_times.say": never
  "helpdesk.result.license_activated_max_times.check": never
  "helpdesk.result.license_activated_max_times.next": never
  "helpdesk.result.customer_account_not_found.say": never
  "helpdesk.result.customer_account_not_found.check": never
  "helpdesk.result.customer_account_not_found.next": never
  "helpdesk.result.sso_not_enabled.say": never
  "helpdesk.result.sso_not_enabled.check": never
  "helpdesk.result.sso_not_enabled.next": never
  "helpdesk.result.sso_code_invalid.say": never
  "helpdesk.result.sso_code_invalid.check": never
  "helpdesk.result.sso_redirect_uri_mismatch.say": never
  "helpdesk.result.sso_redirect_uri_mismatch.check": never
  "helpdesk.result.sso_redirect_uri_mismatch.next": never
  "helpdesk.result.sso_token_invalid.say": never
  "helpdesk.result.sso_token_invalid.check": never
  "helpdesk.result.sso_user_not_found.say": never
  "helpdesk.result.sso_user_not_found.check": never
  "helpdesk.result.sso_user_not_found.next": never
  "helpdesk.result.cannot_connect_to_server.say": never
  "helpdesk.result.cannot_connect_to_server.check": never
  "helpdesk.result.cannot_connect_to_server.next": never
  "helpdesk.result.dns_failure.say": never
  "helpdesk.result.dns_failure.check": never
  "helpdesk.result.dns_failure.next": never
  "helpdesk.result.timeout.say": never
  "helpdesk.result.timeout.check": never
  "helpdesk.result.timeout.next": never
  "helpdesk.result.tls_failure.say": never
  "helpdesk.result.tls_failure.check": never
  "helpdesk.result.tls_failure.next": never
  "helpdesk.result.connection_reset.say": never
  "helpdesk.result.connection_reset.check": never
  "helpdesk.result.connection_reset.next": never
  "helpdesk.result.proxy_failure.say": never
  "helpdesk.result.proxy_failure.check": never
  "helpdesk.result.proxy_failure.next": never
  "helpdesk.result.pc_offline.say": never
  "helpdesk.result.pc_offline.check": never
  "helpdesk.result.pc_offline.next": never
  "helpdesk.result.proxy_auth_required.say": never
  "helpdesk.result.proxy_auth_required.check": never
  "helpdesk.result.proxy_auth_required.next": never
  "helpdesk.result.network_error.say": never
  "helpdesk.result.network_error.check": never
  "helpdesk.result.network_error.next": never
  "helpdesk.result.too_many_requests.say": never
  "helpdesk.result.too_many_requests.check": never
  "helpdesk.result.server_unavailable.say": never
  "helpdesk.result.server_unavailable.check": never
  "helpdesk.result.server_unavailable.next": never
  "helpdesk.result.empty_error_body.say": never
  "helpdesk.result.empty_error_body.check": never
  "helpdesk.result.non_json_error_body.say": never
  "helpdesk.result.non_json_error_body.check": never
  "helpdesk.result.html_error_body.say": never
  "helpdesk.result.html_error_body.check": never
  "helpdesk.result.html_error_body.next": never
  "helpdesk.result.unexpected_response.say": never
  "helpdesk.result.unexpected_response.check": never
  "helpdesk.result.response_too_large.say": never
  "helpdesk.result.response_too_large.check": never
  "helpdesk.result.response_signature_invalid.say": never
  "helpdesk.result.response_signature_invalid.check": never
  "helpdesk.result.response_signature_invalid.next": never
  "helpdesk.result.seat_check_unavailable.say": never
  "helpdesk.result.seat_check_unavailable.check": never
  "helpdesk.result.seat_check_unavailable.next": never
  "helpdesk.result.invalid_input.say": never
  "helpdesk.result.invalid_input.check": never
  "helpdesk.result.invalid_input.next": never
  "helpdesk.result.prefill_link_invalid.say": never
  "helpdesk.result.prefill_link_invalid.check": never
  "helpdesk.result.prefill_link_invalid.next": never
  "helpdesk.result.hardware_id_unavailable.say": never
  "helpdesk.result.hardware_id_unavailable.check": never
  "helpdesk.result.hardware_id_unavailable.next": never
  "helpdesk.result.config_invalid.say": never
  "helpdesk.result.config_invalid.check": never
  "helpdesk.result.config_invalid.next": never
  "helpdesk.result.help_page_not_opened.say": never
  "helpdesk.result.help_page_not_opened.next": never
  "helpdesk.result.busy.say": never
  "helpdesk.result.busy.check": never
  "helpdesk.result.busy.next": never
  "helpdesk.result.ipc_forbidden.say": never
  "helpdesk.result.ipc_forbidden.check": never
  "helpdesk.result.sandbox_start_failed.say": never
  "helpdesk.result.sandbox_start_failed.check": never
  "helpdesk.result.sandbox_start_failed.next": never
  "helpdesk.result.app_internal_error.say": never
  "helpdesk.result.app_internal_error.check": never
  "helpdesk.result.interrupted.say": never
  "helpdesk.result.interrupted.check": never
  "helpdesk.result.interrupted.next": never
  "helpdesk.result.app_no_answer.say": never
  "helpdesk.result.app_no_answer.check": never
  "helpdesk.result.window_crashed.say": never
  "helpdesk.result.window_crashed.check": never
  "helpdesk.result.helper_process_stopped.say": never
  "helpdesk.result.helper_process_stopped.check": never
  "helpdesk.result.app_unexpected_error.say": never
  "helpdesk.result.app_unexpected_error.check": never
  "helpdesk.result.logs_unavailable.say": never
  "helpdesk.result.logs_unavailable.check": never
  "helpdesk.result.logs_unavailable.next": never
  "helpdesk.result.missing_content.say": never
  "helpdesk.result.missing_content.check": never
  "helpdesk.result.missing_content.next": never
  "helpdesk.result.offline_file_too_large.say": never
  "helpdesk.result.offline_file_too_large.check": never
  "helpdesk.result.offline_file_wrong_type.say": never
  "helpdesk.result.offline_file_wrong_type.check": never
  "helpdesk.result.offline_file_truncated.say": never
  "helpdesk.result.offline_file_truncated.check": never
  "helpdesk.result.offline_file_truncated.next": never
  "helpdesk.result.offline_save_failed.say": never
  "helpdesk.result.offline_save_failed.check": never
  "helpdesk.result.offline_save_failed.next": never
  "helpdesk.result.offline_request_tampered.say": never
  "helpdesk.result.offline_request_tampered.check": never
  "helpdesk.result.offline_request_replayed.say": never
  "helpdesk.result.offline_request_replayed.check": never
  "helpdesk.result.offline_request_replayed.next": never
  "helpdesk.result.offline_request_expired.say": never
  "helpdesk.result.offline_request_expired.check": never
  "helpdesk.result.offline_request_expired.next": never
  "helpdesk.result.offline_request_schema_too_old.say": never
  "helpdesk.result.offline_request_schema_too_old.check": never
  "helpdesk.result.offline_request_schema_too_old.next": never
  "helpdesk.result.sso_cancelled.say": never
  "helpdesk.result.sso_cancelled.check": never
  "helpdesk.result.sso_cancelled.next": never
  "helpdesk.result.sso_timeout.say": never
  "helpdesk.result.sso_timeout.check": never
  "helpdesk.result.sso_timeout.next": never
  "helpdesk.result.sso_replaced.say": never
  "helpdesk.result.sso_replaced.check": never
  "helpdesk.result.sso_replaced.next": never
  "helpdesk.result.sso_state_mismatch.say": never
  "helpdesk.result.sso_state_mismatch.check": never
  "helpdesk.result.sso_state_mismatch.next": never
  "helpdesk.result.sso_access_denied.say": never
  "helpdesk.result.sso_access_denied.check": never
  "helpdesk.result.sso_access_denied.next": never
  "helpdesk.result.sso_provider_error.say": never
  "helpdesk.result.sso_provider_error.check": never
  "helpdesk.result.sso_provider_error.next": never
  "helpdesk.result.sso_invalid_callback.say": never
  "helpdesk.result.sso_invalid_callback.check": never
  "helpdesk.result.sso_port_in_use.say": never
  "helpdesk.result.sso_port_in_use.check": never
  "helpdesk.result.sso_port_in_use.next": never
  "helpdesk.result.sso_redirect_not_loopback.say": never
  "helpdesk.result.sso_redirect_not_loopback.check": never
  "helpdesk.result.sso_redirect_not_loopback.next": never
  "helpdesk.result.sso_browser_failed.say": never
  "helpdesk.result.sso_browser_failed.next": never
  "helpdesk.result.sso_unsafe_url.say": never
  "helpdesk.result.sso_unsafe_url.check": never
  "helpdesk.result.success.say": never
  "helpdesk.result.success.check": never
  "helpdesk.result.success.next": never
  "helpdesk.result.unknown-server-code.say": never
  "helpdesk.result.unknown-server-code.check": never
  "helpdesk.guide.section-heading": { "reference": string | number; "title": string | number }
  "helpdesk.guide.quoted": { "words": string | number }
  "helpdesk.guide.case": { "action": string | number; "explanation": string | number }
  "helpdesk.guide.error-link": { "link": string | number; "reference": string | number; "title": string | number }
  "helpdesk.guide.picture-alt": { "title": string | number }
  "helpdesk.guide.page-in-english": never
  "helpdesk.guide.print.title": never
  "helpdesk.guide.print.for-whom": never
  "helpdesk.guide.print.contents": never
  "helpdesk.guide.print.page-abbreviation": never
  "helpdesk.guide.ui.reference-for-helpdesk": never
  "helpdesk.guide.ui.sso-browser-failed": never
  "helpdesk.guide.ui.all-products": never
  "helpdesk.guide.ui.refused-connection": never
  "helpdesk.guide.ui.no-internet-question": never
  "helpdesk.guide.ui.network-cause": never
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
  "shell.request.one-object": never
  "shell.request.no-data": never
  "shell.request.file-form": never
  "shell.request.file-too-long": never
  "shell.request.language-form": never
  "shell.request.language-unknown": never
  "shell.prefill.unknown-parameter": { "parameters": string | number }
  "shell.prefill.repeated": { "name": string | number }
  "shell.prefill.product": { "max": number }
  "shell.prefill.method": { "methods": string | number }
  "shell.prefill.account": { "max": number }
  "shell.prefill.too-long": { "max": number }
  "shell.prefill.not-address": never
  "shell.prefill.wrong-start": { "start": string | number }
  "shell.prefill.fragment": never
  "shell.prefill.more-than-one": never
  "shell.request.sandbox-only": never
  "views.actions.copy-diagnostics": never
  "views.actions.diagnostics": never
  "views.actions.close": never
  "views.actions.cancel": never
  "views.actions.check-again": never
  "views.actions.see-active": never
  "views.error.code-line": { "code": string | number; "status": string | number }
  "views.error.code-line.no-status": { "code": string | number }
  "views.error.what-to-do": never
  "views.error.server-message": { "message": string | number }
  "views.error.offline.body": { "sso": string | number }
  "views.error.offline.button": never
  "views.error.retry": never
  "views.error.another-account": never
  "views.logs.open": never
  "views.logs.problem": { "action": string | number; "explanation": string | number }
  "views.logs.failed": never
  "views.support.line": { "address": string | number }
  "views.support.copy.label": never
  "views.support.fallback": never
  "views.help.link": never
  "views.help.hint": never
  "views.help.not-opened": { "problem": string | number; "url": string | number }
  "views.help.not-opened.default": never
  "views.startup.heading": never
  "views.startup.version": never
  "views.startup.version.value": { "product": string | number; "version": string | number }
  "views.startup.system": never
  "views.startup.log-file": never
  "views.startup.unknown": never
  "views.startup.unreadable": never
  "views.startup.log-tail": never
  "views.hardware.id-and-fingerprint": { "fingerprint": string | number; "id": string | number }
  "views.confirm.title": never
  "views.confirm.title.override": never
  "views.confirm.this-pc": { "fingerprint": string | number; "id": string | number }
  "views.confirm.override": { "fingerprint": string | number; "id": string | number }
  "views.confirm.bundle": { "bundle": string | number }
  "views.confirm.bundle.override": { "bundle": string | number }
  "views.confirm.seat": never
  "views.confirm.method": { "method": string | number }
  "views.confirm.method.sso": { "method": string | number }
  "views.confirm.looking-up": never
  "views.confirm.deactivate": never
  "views.choices.legend": { "count": number }
  "views.choices.active-here": never
  "views.choices.seats": { "seats": string | number }
  "views.success.title": never
  "views.success.body": never
  "views.success.body.override": never
  "views.success.next": never
  "views.success.another": never
  "views.facts.bundle": never
  "views.facts.products-freed": never
  "views.facts.hardware-id": never
  "views.facts.fingerprint": never
  "views.facts.login-method": never
  "views.facts.time": never
  "views.seat-check.needs-sign-in": never
  "views.seat-check.asking": never
  "views.seat-check.free": never
  "views.seat-check.still-listed": never
  "views.seat-check.still-listed.advice": never
  "views.seat-check.failed": { "action": string | number; "title": string | number }
  "views.offline.heading": never
  "views.offline.lead": never
  "views.offline.method.user": never
  "views.offline.method.user.hint": never
  "views.offline.sso-note.summary": never
  "views.offline.sso-note": never
  "views.offline.product.hint": never
  "views.offline.save": never
  "views.offline.saving": never
  "views.offline.cancelled": never
  "views.offline.saved.title": never
  "views.offline.saved.path": { "path": string | number }
  "views.offline.next.heading": never
  "views.offline.next.not-free": never
  "views.offline.next.carry": { "product": string | number }
  "views.offline.next.stop-using": never
  "views.offline.done": never
  "views.upload.heading": never
  "views.upload.lead": never
  "views.upload.drop-zone": never
  "views.upload.file": never
  "views.upload.file.hint": { "size": number }
  "views.upload.reading": never
  "views.upload.refused": { "name": string | number }
  "views.upload.will-free": never
  "views.upload.from": { "name": string | number }
  "views.upload.confirm": never
  "views.upload.choose-another": never
  "views.upload.uploading": never
  "views.upload.freed.title": never
  "views.upload.freed.body": never
  "views.upload.freed.confirmed": { "at": string | number }
  "views.upload.another": never
  "views.summary.written": never
  "views.summary.written.as-stated": { "text": string | number }
  "views.summary.written.not-stated": never
  "views.summary.written-by": never
  "views.summary.request-id": never
  "views.summary.format": never
  "views.summary.format.v2": never
  "views.summary.format.v1": never
  "views.summary.other-fields": never
  "views.summary.other-fields.label": never
  "views.summary.other-fields.more": { "count": number }
  "views.summary.other-fields.hint": never
  "views.pc.heading": never
  "views.pc.lead": { "target": string | number }
  "views.pc.lead.with-id": { "id": string | number; "target": string | number }
  "views.pc.asking": never
  "views.pc.none": { "id": string | number }
  "views.pc.none.hint": never
  "views.pc.count": { "count": number }
  "views.pc.other": never
  "views.pc.other.field": never
  "views.pc.other.hint": never
  "views.pc.other.check": never
  "views.bundle.deactivate": never
  "views.bundle.licence": never
  "views.bundle.products": never
  "views.bundle.products.unnamed": never
  "views.bundle.seats": never
  "views.bundle.valid": never
  "views.bundle.state": never
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
  "window.actions.copy": never
  "window.copy.copied": never
  "window.copy.failed": never
  "window.reference.line": { "reference": string | number }
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
}

export type MessageKey = keyof MessageParams
