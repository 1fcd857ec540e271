// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/portaltypes.h"

#include <QCoreApplication>
#include <functional>

namespace Gatehouse {

class Session;

// "Email this document to the client": one way to ask the server to mail a document's
// own link, shared by the detail pane's document list and the dialog shown after an
// upload, so both say the same thing when it works and when it is refused.
class DocumentSend
{
    Q_DECLARE_TR_FUNCTIONS(DocumentSend)

public:
    // done(sent, text): text is the sentence for the status bar either way.
    static void send(Session *session, qint64 clientId, const DocumentInfo &document,
                     std::function<void(bool sent, const QString &text)> done);
};

} // namespace Gatehouse
