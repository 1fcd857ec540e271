// SPDX-License-Identifier: Apache-2.0
#include "browserdriver.h"

#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTest>

namespace Gatehouse::Test {

using namespace Qt::Literals::StringLiterals;

BrowserDriver::BrowserDriver() = default;

BrowserDriver::~BrowserDriver()
{
    stop();
}

bool BrowserDriver::start(int timeoutMs)
{
    const auto env = QProcessEnvironment::systemEnvironment();
    const QString node = env.value(u"GATEHOUSE_NODE"_s, u"node"_s);
    const QString script = env.value(u"GATEHOUSE_BROWSER_DRIVER"_s);
    if (script.isEmpty()) {
        m_error = u"GATEHOUSE_BROWSER_DRIVER is not set; run the journeys through ctest"_s;
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                     [this] { m_stderr += m_process->readAllStandardError(); });
    m_process->start(node, {script});
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error = u"cannot start %1: %2 (run scripts/bootstrap.sh)"_s.arg(node, m_process->errorString());
        return false;
    }
    // The driver says {"ready": true} once Chromium is up.
    const bool ready = QTest::qWaitFor(
        [this] {
            if (m_process->state() == QProcess::NotRunning)
                return true;
            m_pending += m_process->readAllStandardOutput();
            return m_pending.contains('\n');
        },
        timeoutMs);
    const auto nl = m_pending.indexOf('\n');
    if (!ready || nl < 0 || !QJsonDocument::fromJson(m_pending.left(nl)).object().value(u"ready"_s).toBool()) {
        m_error = u"the browser driver did not start: %1"_s.arg(QString::fromUtf8(m_pending + m_stderr));
        stop();
        return false;
    }
    m_pending.remove(0, nl + 1);
    return true;
}

QJsonObject BrowserDriver::call(QJsonObject command, int timeoutMs)
{
    if (!m_process || m_process->state() != QProcess::Running)
        return {{u"ok"_s, false},
                {u"error"_s, u"the browser driver is not running: %1"_s.arg(QString::fromUtf8(m_stderr))}};
    const int id = m_nextId++;
    command.insert(u"id"_s, id);
    m_process->write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
    QJsonObject answer;
    // Answers come back in order; wait for ours while the event loop runs.
    const bool arrived = QTest::qWaitFor(
        [&] {
            m_pending += m_process->readAllStandardOutput();
            qsizetype nl;
            while ((nl = m_pending.indexOf('\n')) >= 0) {
                const auto line = m_pending.left(nl);
                m_pending.remove(0, nl + 1);
                const auto object = QJsonDocument::fromJson(line).object();
                if (object.value(u"id"_s).toInt() == id) {
                    answer = object;
                    return true;
                }
            }
            return m_process->state() != QProcess::Running;
        },
        timeoutMs);
    if (!arrived || answer.isEmpty())
        return {{u"ok"_s, false},
                {u"error"_s, u"no answer to %1 within %2 ms: %3"_s.arg(command.value(u"op"_s).toString())
                                 .arg(timeoutMs)
                                 .arg(QString::fromUtf8(m_stderr.right(4000)))}};
    return answer;
}

QJsonObject BrowserDriver::open(const QString &browser, const QString &url)
{
    return call({{u"op"_s, u"goto"_s}, {u"ctx"_s, browser}, {u"url"_s, url}});
}

QJsonObject BrowserDriver::clickButton(const QString &browser, const QString &name)
{
    return call({{u"op"_s, u"click"_s}, {u"ctx"_s, browser}, {u"role"_s, u"button"_s}, {u"name"_s, name}});
}

QJsonObject BrowserDriver::request(const QString &browser, const QString &url, const QString &method)
{
    return call({{u"op"_s, u"request"_s}, {u"ctx"_s, browser}, {u"url"_s, url}, {u"method"_s, method}});
}

void BrowserDriver::stop()
{
    if (!m_process)
        return;
    if (m_process->state() == QProcess::Running) {
        m_process->write("{\"op\":\"quit\"}\n");
        m_process->closeWriteChannel();
        if (!m_process->waitForFinished(15000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

} // namespace Gatehouse::Test
