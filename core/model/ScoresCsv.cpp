// CSV output of scores. A failed write (full disk) leaves any earlier file untouched.
#include "model/ScoresCsv.h"

#include "model/NpyArray.h"

#include "model/Error.h"

#include <cstdio>
#include <fstream>

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

} // namespace vigil
