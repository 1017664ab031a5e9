// The one exception type the model layer throws: its message names the file, the key or
// the value at fault, so callers can show it to the user as it is.
#pragma once

#include <stdexcept>
#include <string>

namespace vigil {

/// Any thread.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace vigil

namespace vigil {

/// Thrown when the user cancelled a long call.
class Cancelled : public Error {
public:
    Cancelled()
        : Error("cancelled")
    {
    }
};

} // namespace vigil
