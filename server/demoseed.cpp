// SPDX-License-Identifier: Apache-2.0
#include "demoseed.h"

#include "common/crypto.h"
#include "passwordhasher.h"
#include "storage/storage.h"

#include <array>

namespace Gatehouse::Server {

namespace {

struct DemoPartner
{
    const char16_t *email;
    const char16_t *name;
};

constexpr std::array<DemoPartner, 2> Partners{{
    {u"e.hartley@hartley-quinn.example", u"Eleanor Hartley"},
    {u"m.okafor@hartley-quinn.example", u"Marcus Okafor"},
}};

constexpr std::array<const char16_t *, 16> FirstNames{u"Amelia", u"Rahul",  u"Sofia",   u"Jonas", u"Chloe", u"Mateo",
                                                      u"Ingrid", u"Kwame",  u"Harriet", u"Yusuf", u"Leona", u"Tobias",
                                                      u"Priya",  u"Declan", u"Mei",     u"Oskar"};
constexpr std::array<const char16_t *, 12> LastNames{u"Whitfield", u"Nakamura", u"Brennan",  u"Castillo",
                                                     u"Lindqvist", u"Mensah",   u"Dubois",   u"Farouk",
                                                     u"Kowalski",  u"Pereira",  u"Ashworth", u"Varga"};
constexpr std::array<const char16_t *, 10> Matters{u"Estate of %1 — probate",
                                                   u"%1 Holdings Ltd — commercial lease renewal",
                                                   u"%1 v. Northgate Insurance — personal injury claim",
                                                   u"%1 — residential conveyancing, 14 Elm Row",
                                                   u"%1 Family Trust — trust restructuring",
                                                   u"%1 — employment tribunal, unfair dismissal",
                                                   u"%1 & Co — shareholder agreement",
                                                   u"%1 — divorce and financial settlement",
                                                   u"%1 Logistics — debt recovery",
                                                   u"%1 — will drafting and lasting power of attorney"};

} // namespace

Result<int> seedDemoData(const Storage &storage, int clients)
{
    auto existing = storage.countClients();
    if (!existing)
        return existing.error();
    if (*existing > 0)
        return 0;

    QList<qint64> partnerIds;
    for (const auto &p : Partners) {
        const auto email = QString::fromUtf16(p.email);
        auto found = storage.findStaffByEmail(email);
        if (!found)
            return found.error();
        if (found->has_value()) {
            partnerIds << (*found)->member.id;
            continue;
        }
        // Demo partners get a random password nobody knows; an admin can reset it.
        auto hash = PasswordHasher::hash(Crypto::randomBytes(24).toHex());
        if (!hash)
            return hash.error();
        auto created = storage.insertStaff(email, QString::fromUtf16(p.name), StaffRole::Partner, *hash);
        if (!created)
            return created.error();
        partnerIds << created->id;
    }

    for (int i = 0; i < clients; ++i) {
        const auto first = QString::fromUtf16(FirstNames[size_t(i) % FirstNames.size()]);
        const auto last = QString::fromUtf16(LastNames[size_t(i * 7 + i / 12) % LastNames.size()]);
        Storage::NewClient c;
        c.name = first + u' ' + last;
        c.email = QStringLiteral("%1.%2%3@mail.example")
                      .arg(first.toLower(), last.toLower())
                      .arg(i >= 16 ? QString::number(i) : QString());
        c.matter = QString::fromUtf16(Matters[size_t(i) % Matters.size()]).arg(last);
        c.partnerId = partnerIds.at(i % partnerIds.size());
        c.requireSignIn = i % 4 == 1;
        c.phoneConfirmation = i % 6 == 5;
        if (auto r = storage.insertClient(c); !r)
            return r.error();
    }
    return clients;
}

} // namespace Gatehouse::Server
