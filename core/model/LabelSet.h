// Class names of a dataset: the built-in UCF-Crime, XD-Violence and ShanghaiTech lists or
// an `id,name` CSV, in file order and in the model's order (sorted by name, section 2).
#pragma once

#include <string>
#include <vector>

namespace vigil {

/// Plain value; any thread.
class LabelSet {
public:
    /// `spec` is `ucf`, `xd`, `sht` or the path of a CSV file with an `id,name` header.
    /// `normalName` picks the normal class (case-insensitive). Throws vigil::Error.
    static LabelSet resolve(const std::string& spec, const std::string& normalName = "normal");
    static LabelSet fromNames(std::vector<std::string> fileOrderNames, const std::string& source,
                              const std::string& normalName = "normal");

    int size() const { return int(m_fileOrder.size()); }
    const std::string& source() const { return m_source; }
    /// Names as the labels file lists them (the order of output columns).
    const std::vector<std::string>& fileOrderNames() const { return m_fileOrder; }
    /// Names in the model's order: sorted by name.
    const std::vector<std::string>& modelOrderNames() const { return m_modelOrder; }
    /// For each file-order position, the model-order index.
    const std::vector<int>& modelIndexOfFileColumn() const { return m_modelIndex; }
    /// normal_id, in model order.
    int normalId() const { return m_normalId; }
    /// The prompt text for model class `c`: "X X X X X X X X <name>." with '_' read as ' '.
    std::string promptText(int c, int contextTokens) const;

private:
    std::string m_source;
    std::vector<std::string> m_fileOrder;
    std::vector<std::string> m_modelOrder;
    std::vector<int> m_modelIndex;
    int m_normalId = -1;
};

} // namespace vigil
