// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QString>

namespace Gatehouse::Server {

// "Firefox on Windows", "Safari on iPhone", "Chrome on Android" from a User-Agent
// header, for the access history (SPEC F15) and new-sign-in mail (B7). Deliberately
// coarse: a person recognises their own browser by it, and nothing finer is stored
// in view of the client. Unknown or empty agents give "an unknown browser".
QString describeDevice(QByteArrayView userAgent);

} // namespace Gatehouse::Server
