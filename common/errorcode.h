// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLatin1StringView>

// Stable machine-readable error codes. The server sends them in the `code` field of
// its problem+json answers; the desktop app maps them to messages. Never rename one:
// clients and scripts depend on them. docs/api.md lists what each means.
namespace Gatehouse::ErrorCode {

// Request shape
inline constexpr QLatin1StringView MalformedJson{"malformed_json"};
inline constexpr QLatin1StringView InvalidUtf8{"invalid_utf8"};
inline constexpr QLatin1StringView ValidationFailed{"validation_failed"};
inline constexpr QLatin1StringView UnknownField{"unknown_field"};
inline constexpr QLatin1StringView PayloadTooLarge{"payload_too_large"};
inline constexpr QLatin1StringView HeadersTooLarge{"headers_too_large"};
inline constexpr QLatin1StringView BadRequest{"bad_request"};
inline constexpr QLatin1StringView UnsupportedMediaType{"unsupported_media_type"};
inline constexpr QLatin1StringView UpgradeRequired{"upgrade_required"};

// Routing
inline constexpr QLatin1StringView NotFound{"not_found"};
inline constexpr QLatin1StringView MethodNotAllowed{"method_not_allowed"};

// Authentication and authorisation
inline constexpr QLatin1StringView InvalidCredentials{"invalid_credentials"};
inline constexpr QLatin1StringView Unauthenticated{"unauthenticated"};
inline constexpr QLatin1StringView Forbidden{"forbidden"};
inline constexpr QLatin1StringView AccountLocked{"account_locked"};
inline constexpr QLatin1StringView TotpRequired{"totp_required"};
inline constexpr QLatin1StringView InvalidCode{"invalid_code"};
// A short code died after too many wrong tries (SPEC B4).
inline constexpr QLatin1StringView CodeLocked{"code_locked"};

// State
inline constexpr QLatin1StringView Conflict{"conflict"};
inline constexpr QLatin1StringView PreconditionFailed{"precondition_failed"};
inline constexpr QLatin1StringView PreconditionRequired{"precondition_required"};
inline constexpr QLatin1StringView RateLimited{"rate_limited"};
// Nothing can be sent to a client whose access is revoked (F8) or who has no email on file.
inline constexpr QLatin1StringView ClientRevoked{"client_revoked"};
inline constexpr QLatin1StringView NoEmailOnFile{"no_email_on_file"};

// Server side
inline constexpr QLatin1StringView Internal{"internal_error"};
inline constexpr QLatin1StringView Unavailable{"service_unavailable"};

// Client side (desktop app): transport and configuration problems
inline constexpr QLatin1StringView NetworkError{"network_error"};
inline constexpr QLatin1StringView NotAGatehouseServer{"not_a_gatehouse_server"};
inline constexpr QLatin1StringView TlsError{"tls_error"};
inline constexpr QLatin1StringView CryptoUnavailable{"crypto_unavailable"};
inline constexpr QLatin1StringView StorageError{"storage_error"};
inline constexpr QLatin1StringView KeychainError{"keychain_error"};
inline constexpr QLatin1StringView ConfigError{"config_error"};
inline constexpr QLatin1StringView CertificateNotTrusted{"certificate_not_trusted"};
inline constexpr QLatin1StringView CertificateChanged{"certificate_changed"};

} // namespace Gatehouse::ErrorCode
