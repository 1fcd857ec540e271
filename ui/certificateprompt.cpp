// SPDX-License-Identifier: Apache-2.0
#include "certificateprompt.h"

#include "dialogs.h"

#include <QCoreApplication>
#include <QLocale>

namespace Gatehouse {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Gatehouse::CertificatePrompt", text);
}
} // namespace

QString CertificatePrompt::questionText(const CertificateDetails &d)
{
    return tr("<p>This computer does not recognise the certificate of <b>%1</b>. That is expected if your firm "
              "uses its own certificate; it is also what an attacker would present.</p>"
              "<p>Compare this fingerprint with the one IT gave you, character by character:</p>"
              "<p><tt>%2</tt></p>"
              "<p>Issued to: %3<br>Issued by: %4<br>Valid until: %5</p>"
              "<p>Trust this certificate for this server from now on?</p>")
        .arg(d.server.toHtmlEscaped(), d.sha256Fingerprint, d.subject.toHtmlEscaped(), d.issuer.toHtmlEscaped(),
             QLocale().toString(d.notAfter.toLocalTime().date(), QLocale::LongFormat));
}

bool CertificatePrompt::approve(const CertificateDetails &details)
{
    return Dialogs::question(m_parent, tr("Unrecognised certificate"), questionText(details)) == QMessageBox::Yes;
}

} // namespace Gatehouse
