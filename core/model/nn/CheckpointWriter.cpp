// torch.save format: a protocol-2 pickle whose tensors are _rebuild_tensor_v2 calls on
// persistent storage ids, and one zip record per storage.
#include "model/nn/CheckpointWriter.h"

#include "model/Error.h"

#include <caffe2/serialize/inline_container.h>

#include <cstdio>
#include <cstring>

namespace vigil {

namespace {

class PickleWriter {
public:
    void op(unsigned char code) { m_bytes.push_back(char(code)); }
    void raw(const void* data, size_t size) { m_bytes.append(static_cast<const char*>(data), size); }
    void le(uint64_t value, int bytes)
    {
        for (int i = 0; i < bytes; ++i)
            m_bytes.push_back(char((value >> (8 * i)) & 0xff));
    }
    void string(const std::string& s)
    {
        op('X');
        le(s.size(), 4);
        raw(s.data(), s.size());
    }
    void integer(int64_t v)
    {
        if (v >= 0 && v < 256) {
            op('K');
            le(uint64_t(v), 1);
        } else if (v >= INT32_MIN && v <= INT32_MAX) {
            op('J');
            le(uint64_t(uint32_t(int32_t(v))), 4);
        } else {
            op(0x8a); // LONG1, 8 bytes two's complement
            le(8, 1);
            le(uint64_t(v), 8);
        }
    }
    void global(const char* module, const char* name)
    {
        op('c');
        raw(module, std::strlen(module));
        op('\n');
        raw(name, std::strlen(name));
        op('\n');
    }
    void intTuple(const std::vector<int64_t>& values)
    {
        op('(');
        for (int64_t v : values)
            integer(v);
        op('t');
    }
    const std::string& bytes() const { return m_bytes; }

private:
    std::string m_bytes;
};

const char* storageType(c10::ScalarType type)
{
    switch (type) {
    case torch::kFloat32: return "FloatStorage";
    case torch::kFloat64: return "DoubleStorage";
    case torch::kHalf: return "HalfStorage";
    case torch::kBFloat16: return "BFloat16Storage";
    case torch::kInt64: return "LongStorage";
    case torch::kInt32: return "IntStorage";
    case torch::kInt16: return "ShortStorage";
    case torch::kInt8: return "CharStorage";
    case torch::kUInt8: return "ByteStorage";
    case torch::kBool: return "BoolStorage";
    default: break;
    }
    throw Error(std::string("cannot save tensors of type ") + c10::toString(type));
}

void writeView(PickleWriter& p, const std::vector<torch::Tensor>& storages, const SavedTensorView& view)
{
    const torch::Tensor& storage = storages.at(view.storage);
    p.global("torch._utils", "_rebuild_tensor_v2");
    p.op('(');
    {
        p.op('(');
        p.string("storage");
        p.global("torch", storageType(storage.scalar_type()));
        p.string(std::to_string(view.storage));
        p.string("cpu");
        p.integer(storage.numel());
        p.op('t');
        p.op('Q'); // BINPERSID
    }
    p.integer(view.offset);
    p.intTuple(view.sizes);
    p.intTuple(view.strides);
    p.op(0x89); // requires_grad False
    p.global("collections", "OrderedDict");
    p.op(')');
    p.op('R');
    p.op('t');
    p.op('R');
}

void writeArchive(const std::string& path, const std::string& pickle, const std::vector<torch::Tensor>& storages)
{
    const std::string temporary = path + ".partial";
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file)
        throw Error(path + ": cannot create file");
    bool failed = false;
    try {
        caffe2::serialize::PyTorchStreamWriter writer([&](const void* data, size_t size) -> size_t {
            if (size && std::fwrite(data, 1, size, file) != size)
                failed = true;
            return size;
        });
        writer.writeRecord("data.pkl", pickle.data(), pickle.size());
        writer.writeRecord("byteorder", "little", 6);
        for (size_t i = 0; i < storages.size(); ++i) {
            const torch::Tensor bytes = storages[i].contiguous();
            writer.writeRecord("data/" + std::to_string(i), bytes.data_ptr(), size_t(bytes.nbytes()));
        }
        writer.writeEndOfFile();
    } catch (const std::exception& e) {
        std::fclose(file);
        std::remove(temporary.c_str());
        throw Error(path + ": cannot write checkpoint: " + e.what());
    }
    if (std::fflush(file) != 0)
        failed = true;
    if (std::fclose(file) != 0)
        failed = true;
    if (failed) {
        std::remove(temporary.c_str());
        throw Error(path + ": write failed (disk full?)");
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw Error(path + ": cannot replace file");
    }
}

} // namespace

void writeTorchArchive(const std::string& path, const std::vector<torch::Tensor>& storages,
                       const std::vector<SavedTensorView>& views, bool wrapInStateDict)
{
    for (const torch::Tensor& s : storages)
        if (s.dim() != 1)
            throw Error(path + ": storages must be 1-D");
    PickleWriter p;
    p.op(0x80);
    p.le(2, 1);
    if (wrapInStateDict) {
        p.op('}');
        p.string("state_dict");
    }
    p.global("collections", "OrderedDict");
    p.op(')');
    p.op('R');
    if (!views.empty()) {
        p.op('(');
        for (const SavedTensorView& view : views) {
            p.string(view.name);
            writeView(p, storages, view);
        }
        p.op('u');
    }
    if (wrapInStateDict)
        p.op('s');
    p.op('.');
    writeArchive(path, p.bytes(), storages);
}

void writeStateDict(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors)
{
    std::vector<torch::Tensor> storages;
    std::vector<SavedTensorView> views;
    for (const auto& [name, tensor] : tensors) {
        const torch::Tensor contiguous = tensor.detach().to(torch::kCPU).contiguous();
        SavedTensorView view;
        view.name = name;
        view.storage = storages.size();
        view.sizes = contiguous.sizes().vec();
        view.strides = contiguous.strides().vec();
        storages.push_back(contiguous.flatten().clone());
        views.push_back(std::move(view));
    }
    writeTorchArchive(path, storages, views, true);
}

void writeTensorFile(const std::string& path, const torch::Tensor& tensor)
{
    const torch::Tensor contiguous = tensor.detach().to(torch::kCPU).contiguous();
    PickleWriter p;
    p.op(0x80);
    p.le(2, 1);
    SavedTensorView view;
    view.sizes = contiguous.sizes().vec();
    view.strides = contiguous.strides().vec();
    std::vector<torch::Tensor> storages{contiguous.flatten().clone()};
    writeView(p, storages, view);
    p.op('.');
    writeArchive(path, p.bytes(), storages);
}

} // namespace vigil
