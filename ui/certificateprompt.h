// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/certificatetrust.h"

class QWidget;

namespace Gatehouse {

// Asks the user, in a message box, whether to trust a certificate the system does
// not know, showing the SHA-256 fingerprint to compare with what IT gave them.
class CertificatePrompt : public CertificateApprover
{
public:
    explicit CertificatePrompt(QWidget *parent = nullptr) : m_parent(parent) {}
    bool approve(const CertificateDetails &details) override;
    static QString questionText(const CertificateDetails &details);

private:
    QWidget *m_parent;
};

} // namespace Gatehouse
