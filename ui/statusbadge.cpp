// SPDX-License-Identifier: Apache-2.0
#include "statusbadge.h"

#include "model/clientlistmodel.h"
#include "palette.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace Gatehouse {

namespace {

constexpr int PadX = 8;
constexpr int PadY = 2;

double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

StatusBadgeDelegate::Colours StatusBadgeDelegate::colours(ClientStatus status, bool dark)
{
    switch (status) {
    case ClientStatus::Active:
        return dark ? Colours{QColor(0x1f, 0x4d, 0x2e), QColor(0xd5, 0xf5, 0xdf)}
                    : Colours{QColor(0xd8, 0xf0, 0xdf), QColor(0x14, 0x53, 0x2d)};
    case ClientStatus::Invited:
        return dark ? Colours{QColor(0x23, 0x36, 0x5e), QColor(0xdb, 0xe6, 0xff)}
                    : Colours{QColor(0xdb, 0xe7, 0xfb), QColor(0x1e, 0x3a, 0x8a)};
    case ClientStatus::Revoked:
        return dark ? Colours{QColor(0x5a, 0x23, 0x23), QColor(0xff, 0xde, 0xde)}
                    : Colours{QColor(0xfb, 0xdc, 0xdc), QColor(0x7f, 0x1d, 0x1d)};
    case ClientStatus::Expired:
        return dark ? Colours{QColor(0x4d, 0x3a, 0x17), QColor(0xfd, 0xe9, 0xc4)}
                    : Colours{QColor(0xfb, 0xec, 0xd0), QColor(0x6b, 0x42, 0x00)};
    case ClientStatus::Draft:
        break;
    }
    return dark ? Colours{QColor(0x3a, 0x3a, 0x3a), QColor(0xe6, 0xe6, 0xe6)}
                : Colours{QColor(0xe8, 0xe8, 0xe8), QColor(0x33, 0x33, 0x33)};
}

double StatusBadgeDelegate::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool StatusBadgeDelegate::isDark(const QPalette &palette)
{
    return isDarkPalette(palette);
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant status = index.data(ClientListModel::StatusRole);
    if (!status.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell's own background (selection, hover, alternate rows) first, without text.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const QString text = cell.text;
    cell.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    const auto c = colours(ClientStatus(status.toInt()), isDark(option.palette));
    const QFontMetrics metrics(option.font);
    const int width = std::min(metrics.horizontalAdvance(text) + 2 * PadX, option.rect.width() - 4);
    const int height = std::min(metrics.height() + 2 * PadY, option.rect.height() - 2);
    const QRect badge(option.rect.left() + 2, option.rect.center().y() - height / 2 + 1, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(badge, height / 2.0, height / 2.0);
    painter->fillPath(path, c.fill);
    painter->setPen(c.text);
    painter->setFont(option.font);
    painter->drawText(badge, Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, badge.width() - 2 * PadX + 2));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(ClientListModel::StatusRole).isValid())
        size.setWidth(QFontMetrics(option.font).horizontalAdvance(index.data().toString()) + 2 * PadX + 6);
    return size;
}

} // namespace Gatehouse
