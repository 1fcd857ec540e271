// SPDX-License-Identifier: Apache-2.0
#include "dialogs.h"

#include <QFileDialog>
#include <QQueue>

namespace Gatehouse::Dialogs {

namespace {
// Process-wide on purpose: tests queue answers before triggering an action that
// opens a dialog somewhere deep inside a window.
QQueue<QMessageBox::StandardButton> s_answers;
QQueue<QString> s_fileNames;
QStringList s_shown;

QMessageBox::StandardButton show(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                                 QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    s_shown << text;
    if (!s_answers.isEmpty())
        return s_answers.dequeue();
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    return QMessageBox::StandardButton(box.exec());
}
} // namespace

QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    return show(QMessageBox::Question, parent, title, text, buttons, defaultButton);
}

void information(QWidget *parent, const QString &title, const QString &text)
{
    show(QMessageBox::Information, parent, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

void warning(QWidget *parent, const QString &title, const QString &text)
{
    show(QMessageBox::Warning, parent, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

QString openFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    if (!s_fileNames.isEmpty())
        return s_fileNames.dequeue();
    return QFileDialog::getOpenFileName(parent, caption, QString(), filter);
}

QStringList openFileNames(QWidget *parent, const QString &caption, const QString &filter)
{
    if (!s_fileNames.isEmpty()) {
        const auto name = s_fileNames.dequeue();
        return name.isEmpty() ? QStringList() : QStringList{name};
    }
    return QFileDialog::getOpenFileNames(parent, caption, QString(), filter);
}

QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested, const QString &filter)
{
    if (!s_fileNames.isEmpty())
        return s_fileNames.dequeue();
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

void setNextAnswer(QMessageBox::StandardButton answer)
{
    s_answers.enqueue(answer);
}

void setNextFileName(const QString &path)
{
    s_fileNames.enqueue(path);
}

QStringList shownMessages()
{
    return s_shown;
}

void clearShownMessages()
{
    s_shown.clear();
}

} // namespace Gatehouse::Dialogs
