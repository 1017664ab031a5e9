// Work split into parts, one thread each, for the CPU paths that run single-threaded
// kernels side by side (the encoder's batch, int8 packing). Standard library only.
#pragma once

#include <cstdint>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace vigil {

/// Runs body(part) for every part in [0, parts): part 0 on the calling thread, the others on
/// threads of their own; a thread that cannot be started has its part run by the caller.
/// Returns when all are done, rethrowing the first part's error, if any.
template <typename Body>
void runParts(int64_t parts, const Body& body)
{
    std::vector<std::exception_ptr> errors(static_cast<size_t>(parts > 0 ? parts : 0));
    auto run = [&](int64_t part) {
        try {
            body(part);
        } catch (...) {
            errors[size_t(part)] = std::current_exception();
        }
    };
    std::vector<std::thread> workers;
    std::vector<int64_t> leftOver;
    for (int64_t part = 1; part < parts; ++part) {
        try {
            workers.emplace_back(run, part);
        } catch (const std::system_error&) {
            leftOver.push_back(part);
        }
    }
    if (parts > 0)
        run(0);
    for (int64_t part : leftOver)
        run(part);
    for (std::thread& worker : workers)
        worker.join();
    for (const std::exception_ptr& error : errors)
        if (error)
            std::rethrow_exception(error);
}

} // namespace vigil
