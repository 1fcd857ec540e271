// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Gatehouse {

// What a successful password sign-in gives us: the bearer token and who we are.
struct SignInGrant
{
    QString token;
    QDateTime expiresAt; // UTC
    StaffMember staff;
};

// The staff REST API over Qt Network. Every call is asynchronous and answers exactly
// once through its callback with a Result; transport, TLS and server errors are all
// mapped to stable codes with messages that tell the user what to do.
// The token and password never reach a log.
class PortalClient : public QObject
{
    Q_OBJECT

public:
    template<typename T> using Callback = std::function<void(Result<T>)>;

    explicit PortalClient(QObject *parent = nullptr);
    ~PortalClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }

    void signIn(const QString &email, const QString &password, Callback<SignInGrant> done);
    void signOut(Callback<void> done);
    void me(Callback<StaffMember> done);
    void fetchClients(const QString &cursor, int limit, Callback<ClientPage> done);

    static QString userAgent();

private:
    using JsonCallback = std::function<void(Result<QJsonObject>)>;
    void send(const QByteArray &method, const QString &path, const QList<QPair<QString, QString>> &query,
              const QJsonObject *body, JsonCallback done);
    Result<QJsonObject> interpret(QNetworkReply *reply) const;
    Error networkError(const QString &detail) const;

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 15000;
};

} // namespace Gatehouse
