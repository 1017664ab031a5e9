// CSV output of scores. A failed write (full disk) leaves any earlier file untouched.
#include "model/ScoresCsv.h"

#include "model/NpyArray.h"

#include "model/Error.h"

#include <cstdio>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace vigil {

void writeScoresCsv(std::ostream& out, const VideoScores& scores, const LabelSet& labels)
{
    if (labels.size() != scores.classes)
        throw Error("the scores have " + std::to_string(scores.classes) + " classes, the labels " +
                    std::to_string(labels.size()));
    out << "frame,score";
    for (const std::string& name : labels.fileOrderNames())
        out << ',' << name;
    out << '\n';
    const std::vector<int>& column = labels.modelIndexOfFileColumn();
    char buffer[32];
    for (int64_t t = 0; t < scores.frames; ++t) {
        out << t;
        std::snprintf(buffer, sizeof buffer, ",%.9g", double(scores.scores[size_t(t)]));
        out << buffer;
        const float* row = scores.classProbs.data() + t * scores.classes;
        for (const int c : column) {
            std::snprintf(buffer, sizeof buffer, ",%.9g", double(row[c]));
            out << buffer;
        }
        out << '\n';
    }
}

void writeScoresCsvFile(const std::string& path, const VideoScores& scores, const LabelSet& labels)
{
    const std::string temporary = temporaryPathFor(path);
    {
        std::ofstream out(temporary, std::ios::trunc);
        if (!out)
            throw Error(path + ": cannot create file");
        writeScoresCsv(out, scores, labels);
        out.flush();
        if (!out) {
            out.close();
            std::remove(temporary.c_str());
            throw Error(path + ": write failed (disk full?)");
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw Error(path + ": cannot replace file");
    }
}

namespace {

std::vector<std::string> splitCommas(const std::string& line)
{
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, ','))
        cells.push_back(cell);
    if (!line.empty() && line.back() == ',')
        cells.emplace_back();
    return cells;
}

bool parseNumber(const std::string& text, double& value)
{
    if (text.empty())
        return false;
    char* end = nullptr;
    errno = 0;
    value = std::strtod(text.c_str(), &end);
    return errno == 0 && end == text.c_str() + text.size();
}

} // namespace

VideoScores readScoresCsvFile(const std::string& path, const LabelSet& labels)
{
    std::ifstream in(path);
    if (!in)
        throw Error(path + ": cannot read the scores file");
    auto fail = [&](int64_t line, const std::string& message) {
        throw Error(path + ": line " + std::to_string(line) + ": " + message);
    };
    std::string line;
    if (!std::getline(in, line))
        throw Error(path + ": empty scores file");
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    std::vector<std::string> header = splitCommas(line);
    std::vector<std::string> expected = {"frame", "score"};
    for (const std::string& name : labels.fileOrderNames())
        expected.push_back(name);
    if (header != expected)
        fail(1, "the header is not 'frame,score' and the " + std::to_string(labels.size()) + " classes of '" +
                    labels.source() + "' in its order (wrong --classes, or not a Vigil scores file?)");
    VideoScores scores;
    scores.classes = labels.size();
    scores.normalId = labels.normalId();
    const std::vector<int>& column = labels.modelIndexOfFileColumn();
    std::vector<float> row(size_t(scores.classes));
    int64_t lineNumber = 1;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty())
            continue;
        const std::vector<std::string> cells = splitCommas(line);
        if (cells.size() != expected.size())
            fail(lineNumber, std::to_string(cells.size()) + " fields, the header has " + std::to_string(expected.size()));
        double value = 0;
        if (!parseNumber(cells[0], value) || value != double(scores.frames))
            fail(lineNumber, "frame '" + cells[0] + "' where frame " + std::to_string(scores.frames) + " was expected");
        for (size_t i = 1; i < cells.size(); ++i) {
            if (!parseNumber(cells[i], value) || !(value >= 0 && value <= 1))
                fail(lineNumber, "'" + cells[i] + "' in column '" + expected[i] + "' is not a probability");
            if (i == 1)
                scores.scores.push_back(float(value));
            else
                row[size_t(column[i - 2])] = float(value);
        }
        scores.classProbs.insert(scores.classProbs.end(), row.begin(), row.end());
        ++scores.frames;
    }
    if (scores.frames == 0)
        throw Error(path + ": the scores file holds no frame");
    return scores;
}

} // namespace vigil
