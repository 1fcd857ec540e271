// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace Gatehouse {

class CertificateTrust;

// The app's end of the push channel (D9): a WebSocket to GET /api/v1/events on the
// same server, with the same bearer token and the same certificate pinning as REST.
// The server sends {"type":"changed", ...} when the client or audit feed moved; the
// channel says changed() and the sync engine pulls the feeds. While the socket is down
// it reconnects with exponential backoff and jitter (1 s doubling to 30 s); the sync
// engine polls meanwhile.
class PushChannel : public QObject
{
    Q_OBJECT

public:
    explicit PushChannel(QObject *parent = nullptr);
    ~PushChannel() override;

    void setCertificateTrust(CertificateTrust *trust) { m_trust = trust; }
    // Backoff bounds (tests shorten them).
    void setBackoff(int firstMs, int maxMs);

    // Connects (and keeps reconnecting) to `server` with `token`.
    void start(const QUrl &server, const QString &token);
    void stop();
    bool isConnected() const { return m_connected; }
    // The events address for a server's base address (ws:// or wss://).
    static QUrl eventsUrl(const QUrl &server);

signals:
    void changed();
    void connectedChanged(bool connected);

private:
    void connectNow();
    void onMessage(const QString &text);
    void onDisconnected();
    void setConnected(bool connected);

    QWebSocket m_socket;
    QTimer m_retry;
    CertificateTrust *m_trust = nullptr;
    QUrl m_server;
    QString m_token;
    int m_attempt = 0;
    int m_firstMs = 1000;
    int m_maxMs = 30000;
    bool m_running = false;
    bool m_connected = false;
};

} // namespace Gatehouse
