#pragma once

#include <QList>

#include <algorithm>

namespace clinicdesk::bench {

// The middle value (the upper one of the two middles for an even count); 0 for none.
inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace clinicdesk::bench
