// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace Gatehouse::Server {

struct Config;
struct HttpRequest;

// The address a request really came from. X-Forwarded-For is honoured ONLY when the
// TCP peer is one of [server] trusted_proxies (addresses or CIDRs); then the list is
// walked from the right, skipping trusted proxies, and the first untrusted hop wins.
// Anyone else could write any address into that header and dodge the rate limits.
QString clientAddress(const HttpRequest &request, const Config &config);
QString clientAddress(const HttpRequest &request, const QStringList &trustedProxies);

// Whether every entry is an IPv4/IPv6 address or CIDR; fills `bad` with the first
// one that is not (config validation).
bool validTrustedProxies(const QStringList &entries, QString *bad);

} // namespace Gatehouse::Server
