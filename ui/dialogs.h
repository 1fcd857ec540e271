// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMessageBox>
#include <QString>
#include <QStringList>

class QWidget;

namespace Gatehouse {

// Message boxes and file dialogs behind one door, so tests can answer them without a
// modal loop: queue the next answers and the call returns them instead of showing
// anything (the text that would have been shown is recorded for asserts).
namespace Dialogs {

QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::StandardButton defaultButton = QMessageBox::No);
void information(QWidget *parent, const QString &title, const QString &text);
void warning(QWidget *parent, const QString &title, const QString &text);

QString openFileName(QWidget *parent, const QString &caption, const QString &filter);
QStringList openFileNames(QWidget *parent, const QString &caption, const QString &filter);
QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested, const QString &filter);

// Test hooks.
void setNextAnswer(QMessageBox::StandardButton answer);
void setNextFileName(const QString &path); // empty string: the user cancelled
QStringList shownMessages();
void clearShownMessages();

} // namespace Dialogs
} // namespace Gatehouse
