// SPDX-License-Identifier: Apache-2.0
#include "pushchannel.h"

#include "certificatetrust.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>

namespace Gatehouse {

PushChannel::PushChannel(QObject *parent) : QObject(parent)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &PushChannel::connectNow);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_attempt = 0;
        setConnected(true);
    });
    connect(&m_socket, &QWebSocket::disconnected, this, &PushChannel::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &PushChannel::onMessage);
    // Certificates the system does not trust: only the one pinned for this server (the
    // REST client pinned it at sign-in), never a new prompt from here.
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (m_trust && m_trust->evaluate(m_server, m_socket.sslConfiguration().peerCertificate(), errors) ==
                           CertificateTrust::Verdict::Accept)
            m_socket.ignoreSslErrors(errors);
    });
}

PushChannel::~PushChannel()
{
    m_running = false;
    m_socket.abort();
}

void PushChannel::setBackoff(int firstMs, int maxMs)
{
    m_firstMs = qMax(1, firstMs);
    m_maxMs = qMax(m_firstMs, maxMs);
}

QUrl PushChannel::eventsUrl(const QUrl &server)
{
    QUrl url = server;
    url.setScheme(server.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/events"));
    url.setQuery(QString());
    return url;
}

void PushChannel::start(const QUrl &server, const QString &token)
{
    m_server = server;
    m_token = token;
    m_running = true;
    m_attempt = 0;
    m_retry.stop();
    m_socket.abort();
    connectNow();
}

void PushChannel::stop()
{
    m_running = false;
    m_retry.stop();
    m_socket.close();
    m_token.clear();
    setConnected(false);
}

void PushChannel::connectNow()
{
    if (!m_running || m_token.isEmpty())
        return;
    QNetworkRequest request(eventsUrl(m_server));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    m_socket.open(request);
}

void PushChannel::onMessage(const QString &text)
{
    const auto message = QJsonDocument::fromJson(text.toUtf8()).object();
    if (message.value(QStringLiteral("type")).toString() == u"changed")
        emit changed();
}

void PushChannel::onDisconnected()
{
    setConnected(false);
    if (!m_running)
        return;
    // 1 s, 2 s, 4 s … up to the cap, each scaled by a random 50–100% so a server
    // restart is not met by every app at the same instant.
    const int exponent = qMin(m_attempt++, 16);
    const qint64 ceiling = qMin<qint64>(qint64(m_firstMs) << exponent, m_maxMs);
    const auto jittered = ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1);
    m_retry.start(int(jittered));
}

void PushChannel::setConnected(bool connected)
{
    if (connected == m_connected)
        return;
    m_connected = connected;
    emit connectedChanged(connected);
}

} // namespace Gatehouse
