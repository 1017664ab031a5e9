// Label files. The built-in lists are the datasets' published class lists.
#include "LabelSet.h"

#include "Error.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace vigil {

namespace {

const char* const kUcf[] = {"Abuse",    "Arrest",        "Arson",   "Assault", "Burglary", "Explosion", "Fighting",
                            "Normal",   "RoadAccidents", "Robbery", "Shooting", "Shoplifting", "Stealing", "Vandalism"};
const char* const kXd[] = {"Abuse", "Car_accident", "Explosion", "Fighting", "Normal", "Riot", "Shooting"};
const char* const kSht[] = {"car",     "chasing", "circuit", "fall",    "fighting",   "hurdle",
                            "jumping", "monocycle", "normal", "push",   "robbery",    "running",
                            "skateboard", "step",  "stoop",   "throwing object", "vaudeville", "vehicle"};

std::string lower(std::string s)
{
    for (char& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(const std::string& s)
{
    const size_t b = s.find_first_not_of(" \t\r\n\"");
    if (b == std::string::npos)
        return {};
    const size_t e = s.find_last_not_of(" \t\r\n\"");
    return s.substr(b, e - b + 1);
}

LabelSet readCsv(const std::string& path, const std::string& normalName)
{
    std::ifstream in(path);
    if (!in)
        throw Error(path + ": cannot open labels file");
    std::string line;
    std::vector<std::pair<long, std::string>> rows;
    int lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        line = trim(line);
        if (line.empty())
            continue;
        const size_t comma = line.find(',');
        if (comma == std::string::npos)
            throw Error(path + ":" + std::to_string(lineNumber) + ": expected 'id,name'");
        const std::string id = trim(line.substr(0, comma));
        const std::string name = trim(line.substr(comma + 1));
        if (lineNumber == 1 && lower(id) == "id")
            continue; // header
        char* end = nullptr;
        const long value = std::strtol(id.c_str(), &end, 10);
        if (id.empty() || *end != '\0' || name.empty())
            throw Error(path + ":" + std::to_string(lineNumber) + ": expected 'id,name'");
        rows.emplace_back(value, name);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> names;
    for (auto& row : rows)
        names.push_back(row.second);
    return LabelSet::fromNames(std::move(names), path, normalName);
}

} // namespace

LabelSet LabelSet::resolve(const std::string& spec, const std::string& normalName)
{
    const std::string key = lower(spec);
    if (key == "ucf" || key == "ucf-crime")
        return fromNames({std::begin(kUcf), std::end(kUcf)}, "ucf", normalName);
    if (key == "xd" || key == "xd-violence")
        return fromNames({std::begin(kXd), std::end(kXd)}, "xd", normalName);
    if (key == "sht" || key == "shanghaitech")
        return fromNames({std::begin(kSht), std::end(kSht)}, "sht", normalName);
    return readCsv(spec, normalName);
}

LabelSet LabelSet::fromNames(std::vector<std::string> fileOrderNames, const std::string& source,
                             const std::string& normalName)
{
    LabelSet set;
    set.m_source = source;
    set.m_fileOrder = std::move(fileOrderNames);
    if (set.m_fileOrder.size() < 2)
        throw Error(source + ": a labels file needs at least two classes");
    set.m_modelOrder = set.m_fileOrder;
    std::sort(set.m_modelOrder.begin(), set.m_modelOrder.end());
    for (size_t i = 1; i < set.m_modelOrder.size(); ++i)
        if (set.m_modelOrder[i] == set.m_modelOrder[i - 1])
            throw Error(source + ": class '" + set.m_modelOrder[i] + "' is listed twice");
    for (const std::string& name : set.m_fileOrder) {
        const auto it = std::find(set.m_modelOrder.begin(), set.m_modelOrder.end(), name);
        set.m_modelIndex.push_back(int(it - set.m_modelOrder.begin()));
    }
    for (size_t i = 0; i < set.m_modelOrder.size(); ++i)
        if (lower(set.m_modelOrder[i]) == lower(normalName))
            set.m_normalId = int(i);
    if (set.m_normalId < 0)
        throw Error(source + ": no class named '" + normalName + "' (the normal class)");
    return set;
}

std::string LabelSet::promptText(int c, int contextTokens) const
{
    std::string name = m_modelOrder.at(size_t(c));
    std::replace(name.begin(), name.end(), '_', ' ');
    std::string text;
    for (int i = 0; i < contextTokens; ++i)
        text += "X ";
    return text + name + ".";
}

} // namespace vigil
