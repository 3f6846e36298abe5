// Written by `npm run i18n:types` from src/locales/en/*.json: do not edit by hand.

/** Every message key, with the values its English text takes (`never`: it takes none). */
export interface MessageParams {
  "common.method.license-key": never
  "common.method.user": never
  "common.method.sso-token": never
  "common.method.sso-code": never
  "common.method-choice.license-key": never
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
  "errors.field.product": never
  "errors.field.hardware-id": never
  "errors.field.licence-id": never
  "errors.field.licence-key": never
  "errors.field.username": never
  "errors.field.password": never
  "errors.field.id-token": never
  "errors.field.code": never
  "errors.field.customer-account-code": never
  "errors.field.redirect-uri": never
  "errors.field.credentials": never
  "errors.field.request": never
  "errors.field.required": { "field": string | number }
  "errors.field.too-long": { "field": string | number; "limit": string | number }
  "errors.field.control-characters": { "field": string | number }
  "errors.field.redirect-uri.invalid": never
  "errors.field.licence-id.whole-number": never
  "errors.field.licence-id.positive": never
  "errors.field.licence-id.too-large": never
  "errors.request.no-method": never
  "errors.request.grant": never
  "errors.request.fresh-sign-in": never
  "errors.request.no-offline-credentials": never
  "errors.request.unknown-field": { "field": string | number }
  "errors.request.not-an-object": never
  "errors.request.not-valid": never
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
  "errors.config_invalid.problem.missing": { "setting": string | number }
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
  "window.sandbox.banner": never
  "window.sandbox.reset": never
  "window.sandbox.reset.label": never
  "window.sandbox.reset.done": never
  "window.sandbox.reset.failed": never
}

export type MessageKey = keyof MessageParams
