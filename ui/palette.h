// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPalette>

namespace Gatehouse {

// Calm light and dark palettes for the Fusion style: low-contrast surfaces, one blue
// accent for selection and links, and readable disabled text (enforced settings are
// shown disabled, so they must stay legible).
QPalette lightPalette();
QPalette darkPalette();

} // namespace Gatehouse
