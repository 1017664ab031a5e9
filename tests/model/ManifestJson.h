// The golden sets' manifest.json read by key, without a JSON library (the model layer's
// tests link LibTorch alone): the numbers a test compares against.
#pragma once

#include "ModelTest.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace vigil::test {

inline std::string readText(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        VIGIL_FAIL("cannot read " << path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// The number, or list of numbers, that follows `"key":` (the first such key in the text;
/// give `after` to start the search behind another key, e.g. "train_losses").
inline std::vector<double> jsonNumbers(const std::string& json, const std::string& key, const std::string& after = {})
{
    const size_t from = after.empty() ? 0 : json.find("\"" + after + "\":");
    const std::string quoted = "\"" + key + "\":";
    const size_t at = from == std::string::npos ? from : json.find(quoted, from);
    if (at == std::string::npos)
        VIGIL_FAIL("manifest lacks " << key);
    size_t pos = at + quoted.size();
    while (json[pos] == ' ' || json[pos] == '\n')
        ++pos;
    const bool list = json[pos] == '[';
    const size_t end = list ? json.find(']', pos) : json.find_first_of(",}\n", pos);
    std::string body = json.substr(pos + (list ? 1 : 0), end - pos - (list ? 1 : 0));
    std::replace(body.begin(), body.end(), ',', ' ');
    std::istringstream in(body);
    std::vector<double> values;
    double v;
    while (in >> v)
        values.push_back(v);
    return values;
}

/// The strings of the list under `"key":`.
inline std::vector<std::string> jsonStrings(const std::string& json, const std::string& key)
{
    const size_t at = json.find("\"" + key + "\":");
    if (at == std::string::npos)
        VIGIL_FAIL("manifest lacks " << key);
    const size_t end = json.find(']', at);
    std::vector<std::string> values;
    for (size_t pos = json.find('"', at + key.size() + 3); pos < end; pos = json.find('"', pos + 1)) {
        const size_t close = json.find('"', pos + 1);
        values.push_back(json.substr(pos + 1, close - pos - 1));
        pos = close;
    }
    return values;
}

} // namespace vigil::test
