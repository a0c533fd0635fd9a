#pragma once

#include "provider/ProviderResult.h"

namespace clinicdesk {

// A normalised reply (`result`: outcome, HTTP and provider status, message) with the typed value
// read from it. `value` is meaningful when the result says so: for most routes only when ok();
// for the routes whose refusals carry a status of their own (prescription changes, titrations,
// uploads, name changes) also when the provider refused.
template<typename T> struct ProviderReply
{
    ProviderResult result;
    T value{};

    bool ok() const { return result.ok(); }
};

} // namespace clinicdesk
