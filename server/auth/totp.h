// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace Gatehouse::Server {

// Time-based one-time passwords as authenticator apps expect them (RFC 6238 over
// RFC 4226): HMAC-SHA-1, 6 digits, 30-second steps, one step of clock skew either way.
namespace Totp {

constexpr int Digits = 6;
constexpr qint64 StepSeconds = 30;

// 20 random bytes (160 bits, the RFC 4226 recommendation).
QByteArray newSecret();

// RFC 4648 base32 without padding, the form authenticator apps take.
QString toBase32(const QByteArray &bytes);
std::optional<QByteArray> fromBase32(QStringView text);

qint64 stepAt(const QDateTime &utc);
QString codeAt(const QByteArray &secret, qint64 step);

// The step whose code matches, searching now-1 .. now+1 but only steps after
// `lastUsedStep`, so a code (or an older one) can never be used twice.
std::optional<qint64> verify(const QByteArray &secret, QStringView code, const QDateTime &now, qint64 lastUsedStep);

QString provisioningUri(const QString &issuer, const QString &account, const QByteArray &secret);

} // namespace Totp

} // namespace Gatehouse::Server
