// SPDX-License-Identifier: Apache-2.0
#include "portalclient.h"

#include "common/errorcode.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Gatehouse {

namespace {

bool isTransportFailure(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborts this way
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

QString stripTrailingSlash(QString path)
{
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

} // namespace

PortalClient::PortalClient(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    // Replies are children of the manager; deleting this object first drops our
    // connections, so no callback can run against a half-destroyed client.
}

PortalClient::~PortalClient() = default;

void PortalClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    if (m_baseUrl.path() == u"/")
        m_baseUrl.setPath(QString());
}

QString PortalClient::userAgent()
{
    return QStringLiteral("Gatehouse/" GATEHOUSE_VERSION);
}

Error PortalClient::networkError(const QString &detail) const
{
    Q_UNUSED(detail) // Qt's wording is technical; the user needs the address and a next step.
    return Error{QString(ErrorCode::NetworkError),
                 tr("Cannot reach the server at %1. Check the address and that the server is running.")
                     .arg(m_baseUrl.toDisplayString())};
}

void PortalClient::send(const QByteArray &method, const QString &path, const QList<QPair<QString, QString>> &query,
                        const QJsonObject *body, JsonCallback done)
{
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty()) {
        done(Error{QString(ErrorCode::ConfigError),
                   tr("No server address is set. Enter the address of your "
                      "firm's Gatehouse server, for example https://portal.example.com.")});
        return;
    }
    QUrl url = m_baseUrl;
    url.setPath(stripTrailingSlash(m_baseUrl.path()) + path);
    if (!query.isEmpty()) {
        // Encode every reserved character ourselves: QUrlQuery leaves '+' alone, which a
        // server would read as a space inside an opaque cursor.
        QStringList parts;
        for (const auto &[key, value] : query)
            parts << key + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
        url.setQuery(parts.join(u'&'));
    }

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Accept", "application/json, application/problem+json");
    request.setTransferTimeout(m_timeoutMs);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());

    QByteArray payload;
    if (body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        payload = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, payload);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        done(interpret(reply));
    });
}

Result<QJsonObject> PortalClient::interpret(QNetworkReply *reply) const
{
    const auto status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto error = reply->error();

    if (status == 0) {
        if (error == QNetworkReply::SslHandshakeFailedError)
            return Error{QString(ErrorCode::TlsError),
                         tr("The secure connection to %1 failed: %2. Check the address; if your firm uses its own "
                            "certificate, ask IT to install it.")
                             .arg(m_baseUrl.toDisplayString(), reply->errorString())};
        if (isTransportFailure(error) || error != QNetworkReply::NoError)
            return networkError(reply->errorString());
    }

    const auto body = reply->readAll();
    const auto contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString().toLower();
    QJsonParseError parseError{};
    const auto doc = QJsonDocument::fromJson(body, &parseError);

    if (contentType.startsWith(u"application/problem+json")) {
        const auto problem = doc.object();
        const auto code = problem.value(QStringLiteral("code")).toString();
        if (!code.isEmpty()) {
            auto detail = problem.value(QStringLiteral("detail")).toString();
            if (detail.isEmpty())
                detail = problem.value(QStringLiteral("title")).toString();
            return Error{code, detail};
        }
    }
    if (status == 204 && error == QNetworkReply::NoError)
        return QJsonObject();
    if (status >= 200 && status < 300 && contentType.startsWith(u"application/json") &&
        parseError.error == QJsonParseError::NoError && doc.isObject())
        return doc.object();

    return Error{QString(ErrorCode::NotAGatehouseServer),
                 tr("The server at %1 answered (HTTP %2), but not like a Gatehouse server. Check that the address "
                    "points to your firm's Gatehouse portal.")
                     .arg(m_baseUrl.toDisplayString())
                     .arg(status)};
}

void PortalClient::signIn(const QString &email, const QString &password, Callback<SignInGrant> done)
{
    const QJsonObject body{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
    send("POST", QStringLiteral("/api/v1/session"), {}, &body, [done = std::move(done)](Result<QJsonObject> r) {
        if (!r)
            return done(r.error());
        SignInGrant grant;
        grant.token = r->value(QStringLiteral("token")).toString();
        grant.expiresAt = fromWireTime(r->value(QStringLiteral("expires_at")).toString());
        auto staff = StaffMember::fromJson(r->value(QStringLiteral("staff")).toObject());
        if (grant.token.isEmpty() || !staff)
            return done(Error{QString(ErrorCode::NotAGatehouseServer),
                              tr("The server's sign-in answer is incomplete. Check that the address points to a "
                                 "Gatehouse server of a matching version.")});
        grant.staff = std::move(staff).value();
        done(std::move(grant));
    });
}

void PortalClient::signOut(Callback<void> done)
{
    send("DELETE", QStringLiteral("/api/v1/session"), {}, nullptr, [done = std::move(done)](Result<QJsonObject> r) {
        if (!r)
            return done(r.error());
        done(Result<void>());
    });
}

void PortalClient::me(Callback<StaffMember> done)
{
    send("GET", QStringLiteral("/api/v1/me"), {}, nullptr, [done = std::move(done)](Result<QJsonObject> r) {
        if (!r)
            return done(r.error());
        done(StaffMember::fromJson(*r));
    });
}

void PortalClient::fetchClients(const QString &cursor, int limit, Callback<ClientPage> done)
{
    QList<QPair<QString, QString>> query;
    if (!cursor.isEmpty())
        query.append({QStringLiteral("cursor"), cursor});
    query.append({QStringLiteral("limit"), QString::number(limit)});
    send("GET", QStringLiteral("/api/v1/clients"), query, nullptr, [done = std::move(done)](Result<QJsonObject> r) {
        if (!r)
            return done(r.error());
        done(ClientPage::fromJson(*r));
    });
}

} // namespace Gatehouse
