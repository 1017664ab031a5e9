// torch.save archive reading. caffe2's PyTorchStreamReader throws c10::Error on a bad
// zip; every such failure is rethrown as vigil::Error naming the file.
#include "model/nn/CheckpointReader.h"

#include "model/Error.h"

#include <caffe2/serialize/inline_container.h>

#include <cstring>
#include <fstream>

namespace vigil {

namespace {

c10::ScalarType scalarType(DType type)
{
    switch (type) {
    case DType::Float16: return torch::kHalf;
    case DType::BFloat16: return torch::kBFloat16;
    case DType::Float32: return torch::kFloat32;
    case DType::Float64: return torch::kFloat64;
    case DType::Int8: return torch::kInt8;
    case DType::Int16: return torch::kInt16;
    case DType::Int32: return torch::kInt32;
    case DType::Int64: return torch::kInt64;
    case DType::UInt8: return torch::kUInt8;
    case DType::Bool: return torch::kBool;
    case DType::UInt16:
    case DType::UInt32:
    case DType::UInt64: break;
    }
    throw Error(std::string("unsupported tensor dtype ") + dtypeName(type));
}

std::string firstLine(const std::string& s)
{
    const size_t end = s.find('\n');
    return end == std::string::npos ? s : s.substr(0, end);
}

} // namespace

CheckpointReader::CheckpointReader(const std::string& path)
    : m_path(path)
{
    {
        std::ifstream probe(path, std::ios::binary);
        if (!probe)
            throw Error(path + ": cannot open file");
        char magic[4] = {};
        probe.read(magic, 4);
        if (probe.gcount() < 4 || std::memcmp(magic, "PK\x03\x04", 4) != 0)
            throw Error(path + ": not a PyTorch checkpoint (not a zip archive; legacy torch.save files are not supported)");
    }
    std::string pickleRecord;
    try {
        m_archive = std::make_unique<caffe2::serialize::PyTorchStreamReader>(path);
        if (!m_archive->hasRecord("data.pkl"))
            throw Error(path + ": not a torch.save archive (no data.pkl record)");
        if (m_archive->hasRecord("byteorder")) {
            auto [data, size] = m_archive->getRecord("byteorder");
            const std::string order(static_cast<const char*>(data.get()), size);
            m_bigEndian = order == "big";
        }
        auto [data, size] = m_archive->getRecord("data.pkl");
        pickleRecord.assign(static_cast<const char*>(data.get()), size);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(path + ": corrupt or truncated archive: " + firstLine(e.what()));
    }
    m_pickle = unpickle(reinterpret_cast<const unsigned char*>(pickleRecord.data()), pickleRecord.size(),
                        path + " (data.pkl)");
}

CheckpointReader::~CheckpointReader() = default;

torch::Tensor CheckpointReader::storage(const TensorRef& ref, const std::string& key) const
{
    auto cached = m_storages.find(ref.storageKey);
    if (cached != m_storages.end()) {
        // A storage shared by several tensors must be read with one element type.
        if (cached->second.scalar_type() != scalarType(ref.dtype) || cached->second.numel() != ref.storageNumel)
            throw Error(m_path + ": tensor '" + key + "' reads storage " + ref.storageKey +
                        " with another element type or size than an earlier tensor");
        return cached->second;
    }
    const std::string record = "data/" + ref.storageKey;
    at::DataPtr data;
    size_t size = 0;
    try {
        if (!m_archive->hasRecord(record))
            throw Error(m_path + ": record " + record + " of tensor '" + key + "' is missing");
        std::tie(data, size) = m_archive->getRecord(record);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(m_path + ": cannot read record " + record + " of tensor '" + key + "': " + firstLine(e.what()));
    }
    const int elementSize = dtypeSize(ref.dtype);
    if (ref.storageNumel < 0 || uint64_t(ref.storageNumel) > uint64_t(size) / uint64_t(elementSize))
        throw Error(m_path + ": record " + record + " of tensor '" + key + "' holds " + std::to_string(size) +
                    " bytes, the pickle says " + std::to_string(ref.storageNumel * elementSize));
    // The record's buffer becomes the storage, no copy: getRecord() reads it into memory from
    // LibTorch's CPU allocator, aligned for any element type.
    auto owner = std::make_shared<at::DataPtr>(std::move(data));
    torch::Tensor typed = torch::from_blob(owner->get(), {ref.storageNumel * elementSize}, [owner](void*) {}, torch::kUInt8);
    if (m_bigEndian && elementSize > 1)
        typed = typed.view({ref.storageNumel, elementSize}).flip(1).contiguous().view({-1});
    typed = typed.view(scalarType(ref.dtype));
    m_storages.emplace(ref.storageKey, typed);
    return typed;
}

torch::Tensor CheckpointReader::materialize(const TensorRef& ref, const std::string& key) const
{
    torch::Tensor flat = storage(ref, key);
    return flat.as_strided(ref.sizes, ref.strides, ref.offset);
}

std::map<std::string, torch::Tensor> CheckpointReader::stateDict() const
{
    const PyValue* dict = &root();
    if (dict->kind == PyKind::Dict) {
        if (const PyValue* inner = dict->get("state_dict"))
            dict = inner;
    }
    if (dict->kind != PyKind::Dict)
        throw Error(m_path + ": no state_dict in the checkpoint (root is " + root().describe() + ")");
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& [k, v] : dict->entries) {
        if (k->kind != PyKind::String || v->kind != PyKind::Tensor)
            continue;
        tensors[k->text] = materialize(v->tensor, k->text);
    }
    if (tensors.empty())
        throw Error(m_path + ": the state_dict holds no tensors");
    return tensors;
}

torch::Tensor CheckpointReader::rootTensor() const
{
    if (root().kind != PyKind::Tensor)
        throw Error(m_path + ": expected a saved tensor, found " + root().describe());
    return materialize(root().tensor, "(root tensor)");
}

} // namespace vigil
