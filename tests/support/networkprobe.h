// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>

namespace Gatehouse::Test {

// The requests a component (e.g. the app's PortalClient) has made whose replies still
// exist: QNetworkAccessManager owns each reply from the moment the request is made.
// Read before and after a click with no event loop in between, an unchanged number is
// a positive proof that the click sent nothing, without waiting to see.
inline int liveReplies(const QObject *component)
{
    int n = 0;
    for (const auto *nam : component->findChildren<QNetworkAccessManager *>())
        n += int(nam->findChildren<QNetworkReply *>().size());
    return n;
}

} // namespace Gatehouse::Test
