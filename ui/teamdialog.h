// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Gatehouse {

class Session;

// The firm's staff (D11, admins only): list, add a colleague (the generated first
// password is shown once), change role, disable or enable, reset two-factor sign-in.
// The server enforces every rule (e.g. an admin cannot demote themself); its answer
// is shown as it came.
class TeamDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TeamDialog(Session *session, QWidget *parent = nullptr);

    void reload();
    void addStaff(const QString &email, const QString &name, StaffRole role);
    void setRole(qint64 id, StaffRole role);
    void setDisabled(qint64 id, bool disabled);
    void resetTwoFactor(qint64 id);

    QTreeWidget *list() const { return m_list; }
    QString messageText() const;
    QString shownPassword() const;

private:
    qint64 selectedId() const;
    void say(const QString &text);

    Session *m_session;
    QTreeWidget *m_list;
    QLineEdit *m_email;
    QLineEdit *m_name;
    QComboBox *m_role;
    QLabel *m_message;
    QLineEdit *m_password;
};

} // namespace Gatehouse
