// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QString>

namespace Gatehouse::Server {

class Database;
class Keyring;
struct Config;

// `gatehouse-portal send-test-mail --to ADDRESS`: queues one test message through the
// real outbox, so IT can check the mail settings end to end (the running server's
// sender delivers it). The message carries a fresh random check code, printed here,
// so whoever receives it can tell it is this one.
struct TestMail
{
    qint64 outboxId = 0;
    QString checkCode;
};

Result<TestMail> queueTestMail(const Config &config, const Database &database, const Keyring &keyring,
                               const QString &toAddress);

} // namespace Gatehouse::Server
