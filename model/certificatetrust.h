// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QUrl>

namespace Gatehouse {

class AppSettings;

// What the user is shown before trusting a certificate the system does not know.
struct CertificateDetails
{
    QString server;            // "host:port"
    QString sha256Fingerprint; // "AB:CD:..." over the DER encoding
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QStringList problems; // the TLS errors in words
};

// The question "do you trust this certificate?" asked by the UI (a dialog) or by a
// test (a fixed answer). Kept as a tiny interface so model/ never needs Widgets.
class CertificateApprover
{
public:
    virtual ~CertificateApprover() = default;
    virtual bool approve(const CertificateDetails &details) = 0;
};

// Certificate pinning for servers with a self-signed or private-CA certificate: the
// first time, the user approves the SHA-256 fingerprint and it is pinned per server;
// afterwards only that exact certificate is accepted, and a changed one is refused
// with an explanation instead of a question (a changed certificate is exactly what an
// attacker in the middle would present).
class CertificateTrust
{
    Q_DECLARE_TR_FUNCTIONS(CertificateTrust)

public:
    enum class Verdict { Accept, Declined, Changed };

    explicit CertificateTrust(AppSettings *settings) : m_settings(settings) {}
    void setApprover(CertificateApprover *approver) { m_approver = approver; }

    static QString fingerprint(const QSslCertificate &certificate);
    static QString serverKey(const QUrl &url);
    static CertificateDetails describe(const QUrl &url, const QSslCertificate &certificate,
                                       const QList<QSslError> &errors);

    // Decides about a TLS handshake that failed the system's checks. `peer` is the
    // server's own (leaf) certificate: that is what is shown and pinned, never whichever
    // certificate the first error names (with a private CA that is the CA, which would
    // then vouch for every certificate it ever signs).
    Verdict evaluate(const QUrl &url, const QSslCertificate &peer, const QList<QSslError> &errors);
    // Why the last non-Accept verdict was given, in words for the user.
    QString lastExplanation() const { return m_explanation; }

private:
    AppSettings *m_settings;
    CertificateApprover *m_approver = nullptr;
    QString m_explanation;
};

} // namespace Gatehouse
