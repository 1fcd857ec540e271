// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"

#include <QColor>
#include <QStyledItemDelegate>

namespace Gatehouse {

// Paints a client's status as a rounded badge with its word (never colour alone, so it
// reads the same to someone who cannot tell the colours apart), in colours chosen for
// the light or the dark palette with text at a WCAG contrast of at least 4.5:1.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    struct Colours
    {
        QColor fill;
        QColor text;
    };
    static Colours colours(ClientStatus status, bool darkPalette);
    // WCAG 2 contrast ratio of two opaque colours (1 to 21).
    static double contrastRatio(const QColor &a, const QColor &b);
    // Whether `palette` is a dark one (its window colour is darker than its text).
    static bool isDark(const QPalette &palette);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Gatehouse
