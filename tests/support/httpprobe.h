// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>

namespace Gatehouse::Test {

// Blocking HTTP for tests, over Qt Network (real sockets on loopback).
struct HttpResponse
{
    int status = 0; // 0: no HTTP answer (connection refused, timeout)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const;
};

HttpResponse httpRequest(const QByteArray &method, const QUrl &url, const QByteArray &body = QByteArray(),
                         const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000);

// Sends raw bytes over TCP and returns everything read until the peer closes or the
// timeout passes: for malformed requests no HTTP library would send.
QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 5000);

} // namespace Gatehouse::Test
