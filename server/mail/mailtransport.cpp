// SPDX-License-Identifier: Apache-2.0
#include "mailtransport.h"

#include "config.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <cstring>
#include <curl/curl.h>

namespace Gatehouse::Server {

namespace {

// Development transport: one <outbox id>.eml per message. Named by id and written
// atomically, so a message sent twice (a crash between writing and marking it sent)
// overwrites itself instead of appearing twice.
class FolderTransport final : public MailTransport
{
public:
    explicit FolderTransport(QString folder) : m_folder(std::move(folder)) {}

    Outcome send(const Envelope &envelope, const QByteArray &message, const std::atomic<bool> &) override
    {
        if (!QDir().mkpath(m_folder))
            return Outcome{false, false, false, QStringLiteral("cannot create the mail folder %1").arg(m_folder)};
        QSaveFile file(QDir(m_folder).filePath(QStringLiteral("%1.eml").arg(envelope.outboxId)));
        if (!file.open(QIODevice::WriteOnly) || file.write(message) != message.size() || !file.commit())
            return Outcome{false, false, false,
                           QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString())};
        return Outcome{true, false, false, {}};
    }

private:
    QString m_folder;
};

struct Upload
{
    const QByteArray *data = nullptr;
    qsizetype offset = 0;
};

size_t readCallback(char *buffer, size_t size, size_t count, void *userData)
{
    auto *upload = static_cast<Upload *>(userData);
    const size_t left = size_t(upload->data->size() - upload->offset);
    const size_t n = std::min(left, size * count);
    std::memcpy(buffer, upload->data->constData() + upload->offset, n);
    upload->offset += qsizetype(n);
    return n;
}

int progressCallback(void *userData, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    // Non-zero aborts the transfer with CURLE_ABORTED_BY_CALLBACK.
    return static_cast<const std::atomic<bool> *>(userData)->load() ? 1 : 0;
}

class SmtpTransport final : public MailTransport
{
public:
    explicit SmtpTransport(const Config &config)
        : m_url(config.smtpUrl.toUtf8()), m_startTls(config.smtpStartTls), m_username(config.smtpUsername.toUtf8()),
          m_passwordFile(config.smtpPasswordFile), m_caFile(config.smtpCaFile.toUtf8()),
          m_timeoutSeconds(config.smtpTimeoutSeconds)
    {}

    Outcome send(const Envelope &envelope, const QByteArray &message, const std::atomic<bool> &stopping) override
    {
        QByteArray password;
        if (!m_passwordFile.isEmpty()) {
            // Read per message, so IT can rotate the SMTP password without a restart.
            QFile file(m_passwordFile);
            if (!file.open(QIODevice::ReadOnly))
                return Outcome{false, false, false,
                               QStringLiteral("cannot read [mail] smtp_password_file %1").arg(m_passwordFile)};
            password = file.readAll().trimmed();
        }
        CURL *curl = curl_easy_init();
        if (!curl)
            return Outcome{false, false, false, QStringLiteral("libcurl could not start")};
        char errorBuffer[CURL_ERROR_SIZE] = {};
        const QByteArray from = '<' + envelope.from.toUtf8() + '>';
        curl_slist *recipients = curl_slist_append(nullptr, QByteArray('<' + envelope.to.toUtf8() + '>').constData());
        Upload upload{&message, 0};

        curl_easy_setopt(curl, CURLOPT_URL, m_url.constData());
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L); // we run on a worker thread
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
        if (m_url.startsWith("smtp://")) {
            // required: refuse to send in clear; optional: upgrade when offered.
            const long useSsl = m_startTls == u"required"   ? long(CURLUSESSL_ALL)
                                : m_startTls == u"optional" ? long(CURLUSESSL_TRY)
                                                            : long(CURLUSESSL_NONE);
            curl_easy_setopt(curl, CURLOPT_USE_SSL, useSsl);
        }
        if (!m_caFile.isEmpty())
            curl_easy_setopt(curl, CURLOPT_CAINFO, m_caFile.constData());
        if (!m_username.isEmpty()) {
            curl_easy_setopt(curl, CURLOPT_USERNAME, m_username.constData());
            curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
        }
        curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
        curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
        curl_easy_setopt(curl, CURLOPT_READFUNCTION, readCallback);
        curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.size()));
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, long(m_timeoutSeconds));
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, long(m_timeoutSeconds));
        curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progressCallback);
        curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &stopping);

        const CURLcode result = curl_easy_perform(curl);
        long response = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
        curl_slist_free_all(recipients);
        curl_easy_cleanup(curl);
        password.fill('\0');

        if (result == CURLE_OK)
            return Outcome{true, false, false, {}};
        Outcome outcome;
        outcome.aborted = result == CURLE_ABORTED_BY_CALLBACK;
        // 5xx for this message (unknown mailbox, rejected content) will not change on
        // retry; authentication failures are a configuration problem IT can fix, so
        // those keep the message waiting.
        outcome.permanent = response >= 550 && response <= 554 && result != CURLE_LOGIN_DENIED;
        const QString detail =
            errorBuffer[0] ? QString::fromUtf8(errorBuffer) : QString::fromUtf8(curl_easy_strerror(result));
        outcome.error = response > 0 ? QStringLiteral("SMTP %1: %2").arg(response).arg(detail) : detail;
        return outcome;
    }

private:
    QByteArray m_url;
    QString m_startTls;
    QByteArray m_username;
    QString m_passwordFile;
    QByteArray m_caFile;
    int m_timeoutSeconds;
};

} // namespace

std::unique_ptr<MailTransport> MailTransport::create(const Config &config)
{
    if (config.mailTransport == u"smtp")
        return std::make_unique<SmtpTransport>(config);
    return std::make_unique<FolderTransport>(config.mailFolder);
}

} // namespace Gatehouse::Server
