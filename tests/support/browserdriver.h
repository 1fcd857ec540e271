// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <memory>

namespace Gatehouse::Test {

// A client's browser for tests written in C++: runs tests/browser/driver.mjs (Debian's
// Chromium through playwright-core) as a child process and speaks its one-JSON-line
// protocol. call() keeps the Qt event loop running while it waits, so the desktop
// app under test goes on syncing while the browser works.
class BrowserDriver
{
public:
    BrowserDriver();
    ~BrowserDriver();
    BrowserDriver(const BrowserDriver &) = delete;
    BrowserDriver &operator=(const BrowserDriver &) = delete;

    // Starts node with the driver; false with errorString() when node, Chromium or
    // playwright-core is missing (run scripts/bootstrap.sh).
    bool start(int timeoutMs = 30000);
    // Sends one command ({"op": ..., "ctx": ..., ...}) and returns the answer; on a
    // timeout or a dead driver the answer is {"ok": false, "error": ...}.
    QJsonObject call(QJsonObject command, int timeoutMs = 30000);
    void stop();
    QString errorString() const { return m_error; }

    // Shorthands for the common steps; each returns the driver's answer.
    QJsonObject open(const QString &browser, const QString &url);
    QJsonObject clickButton(const QString &browser, const QString &name);
    // A request with that browser's cookies, outside its page (redirects not followed).
    QJsonObject request(const QString &browser, const QString &url, const QString &method = QStringLiteral("GET"));

private:
    std::unique_ptr<QProcess> m_process;
    QByteArray m_pending;
    QString m_error;
    QByteArray m_stderr;
    int m_nextId = 1;
};

} // namespace Gatehouse::Test
