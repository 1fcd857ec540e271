// SPDX-License-Identifier: Apache-2.0
#include "certificatetrust.h"

#include "appsettings.h"
#include "common/crypto.h"

#include <QLocale>

namespace Gatehouse {

QString CertificateTrust::fingerprint(const QSslCertificate &certificate)
{
    // Computed with QCA over the DER bytes, the same figure `openssl x509 -fingerprint
    // -sha256` prints, so IT can read it out over the phone.
    const QByteArray hex = Crypto::sha256(certificate.toDer()).toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs << QString::fromLatin1(hex.mid(i, 2));
    return pairs.join(u':');
}

QString CertificateTrust::serverKey(const QUrl &url)
{
    return url.host().toLower() + u':' + QString::number(url.port(443));
}

CertificateDetails CertificateTrust::describe(const QUrl &url, const QSslCertificate &certificate,
                                              const QList<QSslError> &errors)
{
    CertificateDetails d;
    d.server = serverKey(url);
    d.sha256Fingerprint = fingerprint(certificate);
    d.subject = certificate.subjectDisplayName();
    d.issuer = certificate.issuerDisplayName();
    d.notBefore = certificate.effectiveDate().toUTC();
    d.notAfter = certificate.expiryDate().toUTC();
    for (const auto &e : errors)
        d.problems << e.errorString();
    return d;
}

CertificateTrust::Verdict CertificateTrust::evaluate(const QUrl &url, const QSslCertificate &peer,
                                                     const QList<QSslError> &errors)
{
    m_explanation.clear();
    const QSslCertificate &certificate = peer;
    if (certificate.isNull()) {
        m_explanation =
            tr("The server at %1 did not present a usable certificate, so the connection is not safe.").arg(url.host());
        return Verdict::Declined;
    }
    const auto key = serverKey(url);
    const auto seen = fingerprint(certificate);
    const auto pinned = m_settings->pinnedCertificate(key);
    if (!pinned.isEmpty()) {
        if (pinned == seen)
            return Verdict::Accept;
        m_explanation =
            tr("The server at %1 presented a different certificate from the one you approved earlier. This happens "
               "when IT replaces the certificate, but it is also what an attacker intercepting the connection "
               "would do, so Gatehouse refuses to connect. Ask IT whether the certificate was changed; they can "
               "confirm the new fingerprint %2. To accept it, remove the old approval under Connection → Forget "
               "approved certificate and sign in again.")
                .arg(key, seen);
        return Verdict::Changed;
    }
    if (m_approver && m_approver->approve(describe(url, certificate, errors))) {
        m_settings->setPinnedCertificate(key, seen);
        return Verdict::Accept;
    }
    m_explanation = tr("The certificate of %1 is not trusted by this computer and was not approved, so Gatehouse "
                       "did not connect. Check its fingerprint with IT before approving it.")
                        .arg(key);
    return Verdict::Declined;
}

} // namespace Gatehouse
