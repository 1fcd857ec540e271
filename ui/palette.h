// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPalette>

class QStyle;

namespace Gatehouse {

// Calm light and dark palettes for the Fusion style: low-contrast surfaces, one blue
// accent for selection and links, and readable disabled text (enforced settings are
// shown disabled, so they must stay legible).
QPalette lightPalette();
QPalette darkPalette();
// Whether `palette` is a dark one (its window colour is darker than its text).
bool isDarkPalette(const QPalette &palette);
// The app's style: Fusion, with check box and radio button edges that stand out from
// the box in both palettes (Fusion shades them from the window colour: faint on white,
// invisible on a dark base). The caller owns it; QApplication::setStyle() takes it over.
QStyle *createAppStyle();

} // namespace Gatehouse
