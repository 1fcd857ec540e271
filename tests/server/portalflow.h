// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers shared by the token-engine tests (tst_tokenengine, tst_clientaccess,
// tst_secretsatrest): a staff session and the client-facing steps of a magic link,
// all over real HTTP against the real gatehouse-portal.
#include "support/httpprobe.h"
#include "support/portalprocess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QTcpSocket>
#include <QUrl>
#include <memory>

namespace Gatehouse::Test {

class PortalFlow
{
public:
    explicit PortalFlow(PortalProcess &portal) : m_portal(portal) {}

    QUrl url(const QString &path) const { return m_portal.baseUrl().resolved(QUrl(path)); }

    bool signInStaff(const QString &email, const QString &password)
    {
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}})
                .toJson(QJsonDocument::Compact);
        const auto r = httpRequest("POST", url(QStringLiteral("/api/v1/session")), body);
        m_staffToken = r.status == 201 ? r.json().value(QStringLiteral("token")).toString().toLatin1() : QByteArray();
        return !m_staffToken.isEmpty();
    }
    QByteArray staffToken() const { return m_staffToken; }

    HttpResponse api(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                     bool sendBody = true) const
    {
        const QByteArray bytes = sendBody && method != "GET" && method != "DELETE"
                                     ? QJsonDocument(body).toJson(QJsonDocument::Compact)
                                     : QByteArray();
        return httpRequest(method, url(path), bytes, {{"Authorization", "Bearer " + m_staffToken}});
    }

    // A new client; returns its id (0 on failure).
    qint64 createClient(const QString &name, const QString &email)
    {
        const auto r = api("POST", QStringLiteral("/api/v1/clients"),
                           {{QStringLiteral("name"), name},
                            {QStringLiteral("email"), email},
                            {QStringLiteral("matter"), QStringLiteral("Matter of %1").arg(name)}});
        return r.status == 201 ? qint64(r.json().value(QStringLiteral("id")).toDouble()) : 0;
    }

    // Invites the client; returns the portal URL's path ("/portal/<token>") or empty.
    QString invite(qint64 clientId)
    {
        const auto r = api("POST", QStringLiteral("/api/v1/clients/%1/invite").arg(clientId));
        return r.status == 201 ? QUrl(r.json().value(QStringLiteral("portal_url")).toString()).path() : QString();
    }

    // The CSRF pair a browser holds after any portal page with a form: the
    // "__Host-gh_csrf=<value>" cookie and the form's hidden csrf value (R5).
    QPair<QByteArray, QByteArray> csrf() const
    {
        if (m_csrfCookie.isEmpty()) {
            const auto page = httpRequest("GET", url(QStringLiteral("/portal/sign-in")));
            for (const auto &[name, value] : page.headers) {
                if (name.compare("Set-Cookie", Qt::CaseInsensitive) == 0 && value.startsWith("__Host-gh_csrf="))
                    m_csrfCookie = value.left(value.indexOf(';'));
            }
            const QByteArray marker = "name=\"csrf\" value=\"";
            const auto at = page.body.indexOf(marker);
            if (at >= 0) {
                const auto start = at + marker.size();
                m_csrfToken = page.body.mid(start, page.body.indexOf('"', start) - start);
            }
        }
        return {m_csrfCookie, m_csrfToken};
    }

    void forgetCsrf()
    {
        m_csrfCookie.clear();
        m_csrfToken.clear();
    }

    // A form POST as the pages send it: the CSRF cookie and field come along.
    HttpResponse postForm(const QString &path, const QByteArray &fields, const QByteArray &cookie = {}) const
    {
        const auto [csrfCookie, csrfToken] = csrf();
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/x-www-form-urlencoded"},
                                                     {"User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
                                                                    "Gecko/20100101 Firefox/128.0"}};
        QByteArray cookies = cookie.isEmpty() ? csrfCookie : csrfCookie + "; " + cookie;
        if (!m_preauthCookie.isEmpty())
            cookies += "; " + m_preauthCookie;
        headers.append({"Cookie", cookies});
        QByteArray body = "csrf=" + csrfToken;
        if (!fields.isEmpty())
            body += '&' + fields;
        auto r = httpRequest("POST", url(path), body, headers);
        // Like a browser, keep the cookie that binds a requested sign-in link to us (F4).
        for (const auto &[name, value] : r.headers) {
            if (name.compare("Set-Cookie", Qt::CaseInsensitive) == 0 && value.startsWith("__Host-gh_preauth="))
                m_preauthCookie = value.left(value.indexOf(';'));
        }
        return r;
    }

    // POST /portal/<token>, as the Continue button does.
    HttpResponse consume(const QString &path, const QByteArray &cookie = {}) const
    {
        return postForm(path, {}, cookie);
    }

    // "__Host-gh_session=<value>" from a Set-Cookie header, ready for a Cookie header.
    static QByteArray sessionCookie(const HttpResponse &r)
    {
        const QByteArray setCookie = r.header("Set-Cookie");
        const auto semicolon = setCookie.indexOf(';');
        return semicolon > 0 ? setCookie.left(semicolon) : setCookie;
    }

    HttpResponse hub(const QByteArray &cookie) const
    {
        return httpRequest("GET", url(QStringLiteral("/portal/hub")), {}, {{"Cookie", cookie}});
    }

    // Sends the same request on `count` parallel connections at once (raw sockets:
    // Qt Network would queue all but 6 per host) and returns each raw answer.
    QList<QByteArray> parallel(const QByteArray &request, int count, int timeoutMs = 30000) const
    {
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < count; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QStringLiteral("127.0.0.1"), m_portal.port());
        }
        for (auto &s : sockets)
            s->waitForConnected(timeoutMs);
        // Everyone is connected before anyone writes, so the requests really race.
        for (auto &s : sockets)
            s->write(request);
        for (auto &s : sockets)
            s->flush();
        QList<QByteArray> answers(count);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < count; ++i) {
            auto &s = *sockets[size_t(i)];
            while (timer.elapsed() < timeoutMs && s.state() == QAbstractSocket::ConnectedState) {
                if (s.waitForReadyRead(200))
                    answers[i] += s.readAll();
            }
            answers[i] += s.readAll();
        }
        return answers;
    }

private:
    PortalProcess &m_portal;
    mutable QByteArray m_csrfCookie;
    mutable QByteArray m_csrfToken;
    mutable QByteArray m_preauthCookie;
    QByteArray m_staffToken;
};

} // namespace Gatehouse::Test
