// SPDX-License-Identifier: Apache-2.0
#include "portalclient.h"

#include "certificatetrust.h"
#include "common/errorcode.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

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

void PortalClient::send(const QByteArray &method, const QString &path, const Query &query, const QJsonObject *body,
                        JsonCallback done)
{
    Request r{method, path, query, {}, {}, {}};
    if (body) {
        r.contentType = QStringLiteral("application/json");
        r.payload = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    }
    send(std::move(r), std::move(done));
}

void PortalClient::send(Request r, JsonCallback done)
{
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty()) {
        done(Error{QString(ErrorCode::ConfigError),
                   tr("No server address is set. Enter the address of your "
                      "firm's Gatehouse server, for example https://portal.example.com.")});
        return;
    }
    QUrl url = m_baseUrl;
    url.setPath(stripTrailingSlash(m_baseUrl.path()) + r.path);
    if (!r.query.isEmpty()) {
        // Encode every reserved character ourselves: QUrlQuery leaves '+' alone, which a
        // server would read as a space inside an opaque cursor.
        QStringList parts;
        for (const auto &[key, value] : std::as_const(r.query))
            parts << key + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
        url.setQuery(parts.join(u'&'));
    }

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Accept", "application/json, application/problem+json");
    request.setTransferTimeout(m_timeoutMs);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!r.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, r.contentType);
    for (const auto &[name, value] : std::as_const(r.headers))
        request.setRawHeader(name, value);

    QNetworkReply *reply = m_nam->sendCustomRequest(request, r.method, r.payload);
    // Certificates the system does not trust go through pinning: accept only the
    // exact certificate the user approved for this server (see CertificateTrust).
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply, url](const QList<QSslError> &errors) {
        if (!m_trust)
            return;
        // The peer's leaf certificate, not the one the first error names (a CA in a chain).
        const auto verdict = m_trust->evaluate(url, reply->sslConfiguration().peerCertificate(), errors);
        if (verdict == CertificateTrust::Verdict::Accept) {
            reply->ignoreSslErrors(errors);
            return;
        }
        reply->setProperty("gatehouse_tls_code", verdict == CertificateTrust::Verdict::Changed
                                                     ? QString(ErrorCode::CertificateChanged)
                                                     : QString(ErrorCode::CertificateNotTrusted));
        reply->setProperty("gatehouse_tls_message", m_trust->lastExplanation());
    });
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
        if (const auto code = reply->property("gatehouse_tls_code").toString(); !code.isEmpty())
            return Error{code, reply->property("gatehouse_tls_message").toString()};
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

} // namespace Gatehouse
