// SPDX-License-Identifier: Apache-2.0
#include "clientaddress.h"

#include "config.h"
#include "httptypes.h"

#include <array>
#include <boost/asio/ip/address.hpp>
#include <boost/system/error_code.hpp>
#include <optional>

namespace Gatehouse::Server {

namespace {

namespace ip = boost::asio::ip;

// IPv4-mapped IPv6 ("::ffff:10.0.0.1", what a dual-stack socket reports) compares as
// the IPv4 address it carries, so "10.0.0.0/8" in the config matches it.
ip::address normalised(const ip::address &address)
{
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        return ip::make_address_v4(ip::v4_mapped, address.to_v6());
    return address;
}

std::optional<ip::address> parseAddress(QString text)
{
    text = text.trimmed();
    // "[2001:db8::1]" and "[2001:db8::1]:443" as some proxies write them
    if (text.startsWith(u'[')) {
        const auto close = text.indexOf(u']');
        if (close < 0)
            return std::nullopt;
        text = text.mid(1, close - 1);
    }
    boost::system::error_code error;
    const auto address = ip::make_address(text.toStdString(), error);
    if (error)
        return std::nullopt;
    return normalised(address);
}

struct Network
{
    ip::address base;
    int prefix = 0;
};

std::optional<Network> parseNetwork(const QString &text)
{
    const auto slash = text.indexOf(u'/');
    const auto address = parseAddress(slash < 0 ? text : text.left(slash));
    if (!address)
        return std::nullopt;
    const int maxPrefix = address->is_v4() ? 32 : 128;
    int prefix = maxPrefix;
    if (slash >= 0) {
        bool ok = false;
        prefix = text.mid(slash + 1).toInt(&ok);
        if (!ok || prefix < 0 || prefix > maxPrefix)
            return std::nullopt;
    }
    return Network{*address, prefix};
}

template<std::size_t N>
bool samePrefix(const std::array<unsigned char, N> &a, const std::array<unsigned char, N> &b, int prefix)
{
    for (int bit = 0; bit < prefix; ++bit) {
        const unsigned char mask = static_cast<unsigned char>(0x80u >> (bit % 8));
        if ((a[std::size_t(bit / 8)] & mask) != (b[std::size_t(bit / 8)] & mask))
            return false;
    }
    return true;
}

bool contains(const Network &network, const ip::address &address)
{
    if (network.base.is_v4() != address.is_v4())
        return false;
    if (address.is_v4())
        return samePrefix(network.base.to_v4().to_bytes(), address.to_v4().to_bytes(), network.prefix);
    return samePrefix(network.base.to_v6().to_bytes(), address.to_v6().to_bytes(), network.prefix);
}

bool isTrusted(const QList<Network> &proxies, const ip::address &address)
{
    for (const auto &network : proxies) {
        if (contains(network, address))
            return true;
    }
    return false;
}

} // namespace

bool validTrustedProxies(const QStringList &entries, QString *bad)
{
    for (const auto &entry : entries) {
        if (!parseNetwork(entry)) {
            if (bad)
                *bad = entry;
            return false;
        }
    }
    return true;
}

QString clientAddress(const HttpRequest &request, const Config &config)
{
    return clientAddress(request, config.trustedProxies);
}

QString clientAddress(const HttpRequest &request, const QStringList &trustedProxies)
{
    const auto peer = parseAddress(request.remoteAddress);
    if (!peer)
        return request.remoteAddress;
    const QString peerText = QString::fromStdString(peer->to_string());
    if (trustedProxies.isEmpty())
        return peerText;
    QList<Network> proxies;
    for (const auto &entry : trustedProxies) {
        if (const auto network = parseNetwork(entry))
            proxies << *network;
    }
    if (!isTrusted(proxies, *peer))
        return peerText;

    // Every X-Forwarded-For header, in order, as one list: "client, proxy1, proxy2".
    QStringList hops;
    for (const auto &[name, value] : request.headers) {
        if (name == "x-forwarded-for")
            hops << QString::fromLatin1(value).split(u',', Qt::SkipEmptyParts);
    }
    // Walk from the nearest hop outwards: each trusted proxy vouches for the hop before
    // it; the first address no trusted proxy could have written is the client.
    QString client = peerText;
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const auto hop = parseAddress(*it);
        if (!hop)
            break; // garbage from beyond our proxies: keep the last address we can vouch for
        client = QString::fromStdString(hop->to_string());
        if (!isTrusted(proxies, *hop))
            break;
    }
    return client;
}

} // namespace Gatehouse::Server
