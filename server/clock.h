// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>

namespace Gatehouse::Server::Clock {

// The server's idea of "now", in UTC: every expiry, lifetime, rate-limit window and
// audit timestamp is taken from here, never from QDateTime directly.
//
// Builds with the test hooks (GATEHOUSE_TEST_HOOKS, on when the test suite is built)
// can shift it: with `[testing] clock_offset_file` set, the whole number of seconds
// in that file is added, so a test lets hours pass by writing one number instead of
// sleeping. Release builds have no such setting (Config refuses the key).
QDateTime now();

// Called once after the configuration is read; empty: the real clock.
void setOffsetFile(const QString &path);

// Whether this build honours [testing] clock_offset_file.
constexpr bool testHooksBuiltIn()
{
#ifdef GATEHOUSE_TEST_HOOKS
    return true;
#else
    return false;
#endif
}

} // namespace Gatehouse::Server::Clock
