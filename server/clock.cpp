// SPDX-License-Identifier: Apache-2.0
#include "clock.h"

#ifdef GATEHOUSE_TEST_HOOKS
#include <QFile>
#include <QMutex>
#endif

namespace Gatehouse::Server::Clock {

#ifdef GATEHOUSE_TEST_HOOKS
namespace {
QMutex g_mutex;
QString g_offsetFile;

qint64 offsetSeconds()
{
    QString path;
    {
        QMutexLocker lock(&g_mutex);
        path = g_offsetFile;
    }
    if (path.isEmpty())
        return 0;
    // Read on every call: the test changes the file while the server runs.
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readAll().trimmed().toLongLong();
}
} // namespace

QDateTime now()
{
    return QDateTime::currentDateTimeUtc().addSecs(offsetSeconds());
}

void setOffsetFile(const QString &path)
{
    QMutexLocker lock(&g_mutex);
    g_offsetFile = path;
}
#else
QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

void setOffsetFile(const QString &) {}
#endif

} // namespace Gatehouse::Server::Clock
