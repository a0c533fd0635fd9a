#include "SandboxPharmacyDirectory.h"

#include <QHash>

#include <algorithm>

namespace clinicdesk {
namespace {

struct City
{
    const char *name;
    const char *state;
    int zip;          // the first ZIP of the city; its pharmacies use the next 40
    const char *area; // telephone area code
};

// Cities in the order pharmacies are dealt out, state by state (Austin first: ph_1).
constexpr City kCities[] = {
    {"Austin", "TX", 78701, "512"},         {"Houston", "TX", 77002, "713"},
    {"Dallas", "TX", 75201, "214"},         {"San Antonio", "TX", 78205, "210"},
    {"El Paso", "TX", 79901, "915"},        {"Fort Worth", "TX", 76102, "817"},
    {"Corpus Christi", "TX", 78401, "361"}, {"Lubbock", "TX", 79401, "806"},
    {"Los Angeles", "CA", 90012, "213"},    {"San Francisco", "CA", 94103, "415"},
    {"San Diego", "CA", 92101, "619"},      {"Sacramento", "CA", 95814, "916"},
    {"Fresno", "CA", 93721, "559"},         {"Oakland", "CA", 94612, "510"},
    {"Miami", "FL", 33130, "305"},          {"Orlando", "FL", 32801, "407"},
    {"Tampa", "FL", 33602, "813"},          {"Jacksonville", "FL", 32202, "904"},
    {"New York", "NY", 10001, "212"},       {"Buffalo", "NY", 14202, "716"},
    {"Rochester", "NY", 14604, "585"},      {"Albany", "NY", 12207, "518"},
    {"Chicago", "IL", 60601, "312"},        {"Springfield", "IL", 62701, "217"},
    {"Peoria", "IL", 61602, "309"},         {"Phoenix", "AZ", 85004, "602"},
    {"Tucson", "AZ", 85701, "520"},         {"Seattle", "WA", 98101, "206"},
    {"Spokane", "WA", 99201, "509"},        {"Atlanta", "GA", 30303, "404"},
    {"Savannah", "GA", 31401, "912"},       {"Macon", "GA", 31201, "478"},
};

struct StateShare
{
    const char *state;
    int pharmacies;
    int zipFrom; // first three ZIP digits of the state's range
    int zipTo;
};

constexpr StateShare kStates[] = {
    {"TX", 120, 750, 799}, {"CA", 100, 900, 961}, {"FL", 60, 320, 349}, {"NY", 50, 100, 149},
    {"IL", 40, 600, 629},  {"AZ", 30, 850, 865},  {"WA", 25, 980, 994}, {"GA", 25, 300, 319},
};

constexpr const char *kNames[] = {
    "Greenleaf Pharmacy", "Riverside Drug",   "Parkview Pharmacy", "Oak Street Apothecary",
    "Harbor Pharmacy",    "Sunrise Pharmacy", "Summit Rx",         "Cornerstone Pharmacy",
    "Bluebird Pharmacy",  "Northgate Drug",   "Valley Pharmacy",   "Lakeside Pharmacy",
    "Heritage Drug",      "Pioneer Pharmacy", "Cedar Pharmacy",    "Maple Drug",
};
// The first four are chains: their stores carry a store number.
constexpr int kChains = 4;

constexpr const char *kStreets[] = {
    "Main St",        "Oak Ave", "Elm St",    "Congress Ave", "Lamar Blvd",   "5th St",
    "Washington Ave", "Park Rd", "Lake Dr",   "Broadway",     "Market St",    "Cedar Ln",
    "Maple Ave",      "Pine St", "Church St", "Mill Rd",      "Highland Ave", "River Rd",
};

QList<SandboxPharmacyDirectory::Pharmacy> generate()
{
    QList<SandboxPharmacyDirectory::Pharmacy> all;
    QHash<QString, int> perArea;
    for (const StateShare &share : kStates) {
        QList<const City *> cities;
        for (const City &c : kCities) {
            if (qstrcmp(c.state, share.state) == 0)
                cities << &c;
        }
        for (int k = 0; k < share.pharmacies; ++k) {
            const City &city = *cities.at(k % cities.size());
            const int n = int(all.size());
            const int round = k / int(cities.size());
            SandboxPharmacyDirectory::Pharmacy p;
            p.pharmacyId = QStringLiteral("ph_%1").arg(n + 1);
            const int nameIndex = (n * 7 + round) % int(std::size(kNames));
            p.name = QString::fromLatin1(kNames[nameIndex]);
            if (nameIndex < kChains)
                p.name += QStringLiteral(" #%1").arg(1000 + n * 13 % 9000);
            p.address =
                QStringLiteral("%1 %2")
                    .arg(100 + (n * 37) % 9800)
                    .arg(QString::fromLatin1(kStreets[(n * 5 + round) % int(std::size(kStreets))]));
            p.city = QString::fromLatin1(city.name);
            p.state = QString::fromLatin1(city.state);
            p.zip = QStringLiteral("%1").arg(city.zip + (round * 3) % 40, 5, 10, QLatin1Char('0'));
            const QString area = QString::fromLatin1(city.area);
            const int line = perArea[area]++;
            p.phone = area + QStringLiteral("555") +
                      QStringLiteral("%1").arg(100 + line, 4, 10, QLatin1Char('0'));
            all << p;
        }
    }
    return all;
}

} // namespace

const QList<SandboxPharmacyDirectory::Pharmacy> &SandboxPharmacyDirectory::all()
{
    static const QList<Pharmacy> directory = generate();
    return directory;
}

const SandboxPharmacyDirectory::Pharmacy *SandboxPharmacyDirectory::find(const QString &id)
{
    static const QHash<QString, int> index = [] {
        QHash<QString, int> h;
        for (int i = 0; i < all().size(); ++i)
            h.insert(all().at(i).pharmacyId, i);
        return h;
    }();
    const auto it = index.constFind(id);
    return it == index.cend() ? nullptr : &all().at(*it);
}

QString SandboxPharmacyDirectory::stateOfZip(const QString &zip)
{
    bool ok = false;
    const int zip3 = zip.left(3).toInt(&ok);
    if (zip.size() != 5 || !ok)
        return {};
    for (const StateShare &share : kStates) {
        if (zip3 >= share.zipFrom && zip3 <= share.zipTo)
            return QString::fromLatin1(share.state);
    }
    return {};
}

QList<SandboxPharmacyDirectory::Pharmacy> SandboxPharmacyDirectory::search(const QString &name,
                                                                           const QString &city,
                                                                           const QString &state,
                                                                           const QString &zip)
{
    const QString zipState = stateOfZip(zip);
    if (zipState.isEmpty() || (!state.isEmpty() && state != zipState))
        return {};
    const int target = zip.toInt();
    QList<Pharmacy> found;
    for (const Pharmacy &p : all()) {
        if (p.state != zipState)
            continue;
        if (!city.isEmpty() && p.city.compare(city, Qt::CaseInsensitive) != 0)
            continue;
        if (!name.isEmpty() && !p.name.contains(name, Qt::CaseInsensitive))
            continue;
        found << p;
    }
    // Nearest first; the directory's order breaks ties, so an answer never changes.
    std::stable_sort(found.begin(), found.end(), [target](const Pharmacy &a, const Pharmacy &b) {
        return std::abs(a.zip.toInt() - target) < std::abs(b.zip.toInt() - target);
    });
    if (found.size() > kMaxResults)
        found.resize(kMaxResults);
    return found;
}

} // namespace clinicdesk
