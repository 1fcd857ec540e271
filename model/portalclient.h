// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "common/result.h"
#include "portaltypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Gatehouse {

class CertificateTrust;

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
// The token and password never reach a log. The endpoint methods live in
// portalclientcalls.cpp; this file's .cpp holds the transport.
class PortalClient : public QObject
{
    Q_OBJECT

public:
    template<typename T> using Callback = std::function<void(Result<T>)>;
    using Query = QList<QPair<QString, QString>>;

    explicit PortalClient(QObject *parent = nullptr);
    ~PortalClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    QString token() const { return m_token; }
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }
    // Decides about certificates the system does not trust (pinning); none: refuse.
    void setCertificateTrust(CertificateTrust *trust) { m_trust = trust; }

    void signIn(const QString &email, const QString &password, const QString &totp, Callback<SignInGrant> done);
    void signIn(const QString &email, const QString &password, Callback<SignInGrant> done)
    {
        signIn(email, password, QString(), std::move(done));
    }
    void signOut(Callback<void> done);
    void me(Callback<StaffMember> done);
    void serverInfo(Callback<ServerInfo> done);
    void fetchClients(const QString &cursor, int limit, Callback<ClientPage> done);

    // Clients
    void getClient(qint64 id, Callback<ClientRecord> done);
    void createClient(const ClientRecord &client, Callback<ClientRecord> done);
    // PATCH with If-Match "v<version>"; a stale version answers precondition_failed.
    void updateClient(qint64 id, qint64 version, const QJsonObject &changes, Callback<ClientRecord> done);
    void deleteClient(qint64 id, Callback<void> done);

    // Access
    void invite(qint64 id, Callback<IssuedLink> done);
    // includeDocuments: also end the client's document links (they stay alive by default).
    void regenerate(qint64 id, const QString &reason, bool includeDocuments, Callback<IssuedLink> done);
    void revoke(qint64 id, const QString &reason, Callback<ClientRecord> done);
    void endSessions(qint64 id, const QString &reason, Callback<int> done);
    void setRequireSignIn(qint64 id, bool enabled, Callback<ClientRecord> done);
    void setPhoneConfirmation(qint64 id, bool enabled, Callback<ClientRecord> done);
    void confirmPhoneCode(qint64 id, const QString &code, Callback<void> done);
    void sessions(qint64 id, Callback<QList<AccessEntry>> done);
    void endSession(qint64 id, qint64 sessionId, Callback<void> done);
    void browsers(qint64 id, Callback<QList<AccessEntry>> done);
    void forgetBrowser(qint64 id, qint64 browserId, Callback<void> done);
    void forgetAllBrowsers(qint64 id, Callback<int> done);

    // Documents
    void documents(qint64 id, Callback<QList<DocumentInfo>> done);
    void uploadDocument(qint64 id, const QString &name, const QString &contentType, const QByteArray &bytes,
                        Callback<UploadedDocument> done);
    void removeDocument(qint64 id, qint64 documentId, Callback<void> done);
    // Mails the document's own link to the client (202); refused with 409 when the
    // client is revoked or has no email address.
    void sendDocument(qint64 id, qint64 documentId, Callback<void> done);

    // The invite mail rendered by the server's own template, for the invite dialog.
    void previewInvite(const QString &name, const QString &email, const QString &matter, const QString &partner,
                       Callback<MailPreview> done);

    // Audit and team
    void audit(const AuditQuery &query, Callback<AuditPage> done);
    void staffList(Callback<QList<StaffMember>> done);
    void createStaff(const QString &email, const QString &name, StaffRole role, Callback<NewStaff> done);
    void updateStaff(qint64 id, const QJsonObject &changes, Callback<StaffMember> done);
    void resetTwoFactor(qint64 id, Callback<StaffMember> done);

    // Mail outbox (F16, admins): the newest messages, optionally of one state; and putting
    // a dead message back in the queue.
    void mailOutbox(const QString &state, int limit, Callback<QList<OutboxMessage>> done);
    void retryMail(qint64 id, Callback<OutboxMessage> done);

    // Two-step sign-in of the signed-in account (D1): start, then confirm with a code.
    void startTotpEnrolment(Callback<TotpEnrolment> done);
    void confirmTotpEnrolment(const QString &code, Callback<StaffMember> done);

    static QString userAgent();

private:
    using JsonCallback = std::function<void(Result<QJsonObject>)>;
    struct Request
    {
        QByteArray method;
        QString path;
        Query query;
        QByteArray payload;
        QString contentType;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    void send(const QByteArray &method, const QString &path, const Query &query, const QJsonObject *body,
              JsonCallback done);
    void send(Request request, JsonCallback done);
    void sendJson(const QByteArray &method, const QString &path, const QJsonObject &body, JsonCallback done)
    {
        send(method, path, {}, &body, std::move(done));
    }
    Result<QJsonObject> interpret(QNetworkReply *reply) const;
    Error networkError(const QString &detail) const;
    static QString clientPath(qint64 id, const QString &rest = QString());

    QNetworkAccessManager *m_nam;
    CertificateTrust *m_trust = nullptr;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 15000;
};

} // namespace Gatehouse
