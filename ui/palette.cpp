// SPDX-License-Identifier: Apache-2.0
#include "palette.h"

#include <QPainter>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace Gatehouse {

namespace {

class AppStyle : public QProxyStyle
{
public:
    AppStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        // Fusion outlines the box in the window colour darkened: 1.8:1 on white, and as
        // dark as the box in a dark palette. Redraw the outline in Mid, over the 3:1 the
        // edge of a control needs (WCAG 1.4.11). Fusion's focus outline is kept.
        if ((element != PE_IndicatorCheckBox && element != PE_IndicatorRadioButton) || (option->state & State_HasFocus))
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(0.5, 0.5);
        painter->setPen(option->palette.color(QPalette::Mid));
        painter->setBrush(Qt::NoBrush);
        const QRect r = option->rect.adjusted(0, 0, -1, -1);
        if (element == PE_IndicatorRadioButton)
            painter->drawEllipse(r);
        else
            painter->drawRect(r);
        painter->restore();
    }
};

} // namespace

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QStyle *createAppStyle()
{
    return new AppStyle;
}

QPalette lightPalette()
{
    QPalette p;
    const QColor window(0xf4, 0xf5, 0xf7), base(0xff, 0xff, 0xff), text(0x1f, 0x23, 0x28), accent(0x2f, 0x6f, 0xb5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf8, 0xfa));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xfb, 0xfb, 0xfc));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x91, 0x99));
    p.setColor(QPalette::Mid, QColor(0x8a, 0x91, 0x99));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7d, 0x84, 0x8c));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x7d, 0x84, 0x8c));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9a, 0xa0, 0xa6));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x22, 0x25, 0x2a), base(0x1a, 0x1c, 0x20), text(0xe3, 0xe6, 0xea), accent(0x4a, 0x8b, 0xd1);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x22, 0x25, 0x2a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2c, 0x30, 0x36));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb0, 0xea));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x91, 0x99));
    p.setColor(QPalette::Mid, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::Light, QColor(0x3a, 0x3e, 0x45));
    p.setColor(QPalette::Dark, QColor(0x15, 0x17, 0x1a));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x86, 0x8d));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x86, 0x8d));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x86, 0x8d));
    return p;
}

} // namespace Gatehouse
