// SPDX-License-Identifier: Apache-2.0
#include "testmail.h"

#include "common/crypto.h"
#include "config.h"
#include "outbox.h"
#include "storage/writetransaction.h"

namespace Gatehouse::Server {

Result<TestMail> queueTestMail(const Config &config, const Database &database, const Keyring &keyring,
                               const QString &toAddress)
{
    // Token-shaped on purpose: it is treated like a magic link (encrypted at rest), so
    // the test message exercises exactly what invite mail goes through.
    const QString checkCode = Crypto::newToken();
    OutgoingMail mail;
    mail.templateName = QStringLiteral("test");
    mail.toAddress = toAddress.trimmed();
    mail.fields = {{QStringLiteral("code"), checkCode},
                   {QStringLiteral("portal_url"),
                    QString(config.publicUrl + QStringLiteral("/portal/sign-in?check=") + checkCode)}};
    WriteTransaction transaction(database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    QSqlDatabase db = transaction.connection();
    auto id = Outbox(database, config, keyring).enqueue(db, mail);
    if (!id)
        return id.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return TestMail{*id, checkCode};
}

} // namespace Gatehouse::Server
