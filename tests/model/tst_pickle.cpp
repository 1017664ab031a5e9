// Tests of the inert pickle interpreter: plain data, hostile globals, tensors, malformed and mutated programs.
#include "Error.h"
#include "ModelTest.h"
#include "Pickle.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <memory>
#include <string>
#include <typeinfo>
#include <unordered_set>
#include <vector>

namespace vigil {

namespace {

using Bytes = std::vector<unsigned char>;

// Runs the program from a heap copy of exactly its size, so that AddressSanitizer sees any
// read past the end.
std::shared_ptr<const PickleResult> load(const Bytes& bytes, const std::string& what = "test.pkl")
{
    const std::unique_ptr<unsigned char[]> copy(new unsigned char[bytes.size() + (bytes.empty() ? 1 : 0)]);
    if (!bytes.empty())
        std::memcpy(copy.get(), bytes.data(), bytes.size());
    return unpickle(copy.get(), bytes.size(), what);
}

Bytes fromHex(const char* hex)
{
    Bytes out;
    for (size_t i = 0; hex[i] && hex[i + 1]; i += 2)
        out.push_back(static_cast<unsigned char>(std::stoi(std::string(hex + i, 2), nullptr, 16)));
    return out;
}

// Assembles protocol-2 programs for the variants of the literal ones below, using only the
// opcodes torch.save emits.
struct Assembler {
    Bytes out;
    Assembler() // PROTO 2 (push_back: an initializer list here trips a GCC 12 false warning)
    {
        out.push_back(0x80);
        out.push_back(0x02);
    }

    Assembler& op(std::initializer_list<unsigned char> bytes)
    {
        out.insert(out.end(), bytes);
        return *this;
    }
    Assembler& str(const std::string& s) // BINUNICODE
    {
        out.push_back('X');
        for (int i = 0; i < 4; ++i)
            out.push_back(static_cast<unsigned char>((s.size() >> (8 * i)) & 0xff));
        out.insert(out.end(), s.begin(), s.end());
        return *this;
    }
    Assembler& global(const std::string& module, const std::string& name) // GLOBAL
    {
        out.push_back('c');
        out.insert(out.end(), module.begin(), module.end());
        out.push_back('\n');
        out.insert(out.end(), name.begin(), name.end());
        out.push_back('\n');
        return *this;
    }
    Assembler& integer(int64_t v) // BININT1, or LONG1 with all 8 bytes
    {
        if (v >= 0 && v < 256)
            return op({'K', static_cast<unsigned char>(v)});
        out.push_back(0x8a);
        out.push_back(8);
        for (int i = 0; i < 8; ++i)
            out.push_back(static_cast<unsigned char>((uint64_t(v) >> (8 * i)) & 0xff));
        return *this;
    }
    Assembler& ints(const std::vector<int64_t>& values) // MARK ints... TUPLE
    {
        op({'('});
        for (int64_t v : values)
            integer(v);
        return op({'t'});
    }
    Assembler& orderedDict() { return global("collections", "OrderedDict").op({')', 'R'}); }
    // The persistent id torch.save writes for a storage, then BINPERSID.
    Assembler& storage(const std::string& type, const std::string& key, int64_t numel)
    {
        op({'('}).str("storage").global("torch", type).str(key).str("cpu").integer(numel);
        return op({'t', 'Q'});
    }
    // The rest of _rebuild_tensor_v2's arguments, the storage being already on the stack.
    Assembler& tensorArgs(int64_t offset, const std::vector<int64_t>& sizes, const std::vector<int64_t>& strides)
    {
        integer(offset).ints(sizes).ints(strides).op({0x89}).orderedDict();
        return op({'t', 'R'});
    }
    Assembler& tensor(const std::string& type, const std::string& key, int64_t numel, int64_t offset,
                      const std::vector<int64_t>& sizes, const std::vector<int64_t>& strides)
    {
        global("torch._utils", "_rebuild_tensor_v2").op({'('}).storage(type, key, numel);
        return tensorArgs(offset, sizes, strides);
    }
    Bytes stop()
    {
        out.push_back('.');
        return out;
    }
};

// Every value reachable from the root, each once (the graph shares values and may cycle).
size_t reachable(const PyValue& root)
{
    std::unordered_set<const PyValue*> seen;
    std::vector<const PyValue*> pending = {&root};
    while (!pending.empty()) {
        const PyValue* v = pending.back();
        pending.pop_back();
        if (!v)
            throw test::Failure{"a null child in the value graph"};
        if (!seen.insert(v).second)
            continue;
        (void)v->describe();
        for (const PyValue* item : v->items)
            pending.push_back(item);
        for (const auto& [key, value] : v->entries) {
            pending.push_back(key);
            pending.push_back(value);
        }
        if (v->state)
            pending.push_back(v->state);
    }
    return seen.size();
}

// Expects `bytes` to be refused with a vigil::Error naming the source and giving `reason`.
void expectRefused(const char* name, const Bytes& bytes, const char* reason)
{
    const std::string what = std::string("case '") + name + "'.pkl";
    try {
        load(bytes, what);
    } catch (const Error& e) {
        const std::string message = e.what();
        if (message.find(what) == std::string::npos || message.find(reason) == std::string::npos)
            VIGIL_FAIL(name << ": message '" << message << "' lacks '" << what << "' or '" << reason << "'");
        return;
    }
    VIGIL_FAIL(name << ": accepted");
}

// The hand-assembled programs; each was checked with
//   python3 -c 'import pickletools; pickletools.dis(bytes.fromhex(...))'
// and kNested also with pickle.loads.
// kNested: checked with pickletools.dis
const Bytes kNested = {
    0x80, 0x02, // PROTO 2
    '}', // EMPTY_DICT
    'q', 0x00, // BINPUT 0
    '(', // MARK
    'X', 0x04, 0x00, 0x00, 0x00, 'n', 'a', 'm', 'e', // BINUNICODE 'name'
    'X', 0x05, 0x00, 0x00, 0x00, 'v', 'i', 'g', 'i', 'l', // BINUNICODE 'vigil'
    'q', 0x01, // BINPUT 1
    'X', 0x04, 0x00, 0x00, 0x00, 'l', 'i', 's', 't', // BINUNICODE 'list'
    ']', // EMPTY_LIST
    'q', 0x02, // BINPUT 2
    '(', // MARK
    'K', 0x07, // BININT1 7
    'M', 0xe8, 0x03, // BININT2 1000
    'J', 0xfe, 0xff, 0xff, 0xff, // BININT -2
    0x8a, 0x01, 0xff, // LONG1 -1
    0x8a, 0x02, 0x00, 0x80, // LONG1 -32768
    0x8a, 0x05, 0x00, 0x00, 0x00, 0x00, 0xf8, // LONG1 -34359738368
    0x8a, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, // LONG1 -9223372036854775808
    0x8a, 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, // LONG1 9223372036854775807
    0x8a, 0x00, // LONG1 0
    'G', '@', 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // BINFLOAT 2.5
    'G', 0xbf, 0xb9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a, // BINFLOAT -0.1
    0x88, // NEWTRUE
    0x89, // NEWFALSE
    'N', // NONE
    'e', // APPENDS
    'X', 0x05, 0x00, 0x00, 0x00, 't', 'u', 'p', 'l', 'e', // BINUNICODE 'tuple'
    '(', // MARK
    'K', 0x01, // BININT1 1
    'X', 0x01, 0x00, 0x00, 0x00, 'a', // BINUNICODE 'a'
    ']', // EMPTY_LIST
    't', // TUPLE
    'q', 0x03, // BINPUT 3
    'X', 0x04, 0x00, 0x00, 0x00, 'p', 'a', 'i', 'r', // BINUNICODE 'pair'
    'K', 0x01, // BININT1 1
    'K', 0x02, // BININT1 2
    0x86, // TUPLE2
    'X', 0x05, 0x00, 0x00, 0x00, 'a', 'g', 'a', 'i', 'n', // BINUNICODE 'again'
    'h', 0x01, // BINGET 1
    'X', 0x0b, 0x00, 0x00, 0x00, 't', 'u', 'p', 'l', 'e', '_', 'a', 'g', 'a', 'i', 'n', // BINUNICODE 'tuple_again'
    'h', 0x03, // BINGET 3
    'X', 0x05, 0x00, 0x00, 0x00, 'e', 'm', 'p', 't', 'y', // BINUNICODE 'empty'
    ')', // EMPTY_TUPLE
    'X', 0x06, 0x00, 0x00, 0x00, 'n', 'e', 's', 't', 'e', 'd', // BINUNICODE 'nested'
    '}', // EMPTY_DICT
    'X', 0x01, 0x00, 0x00, 0x00, 'k', // BINUNICODE 'k'
    'h', 0x02, // BINGET 2
    's', // SETITEM
    'X', 0x06, 0x00, 0x00, 0x00, 'l', 'e', 'g', 'a', 'c', 'y', // BINUNICODE 'legacy'
    'U', 0x03, 'a', 'b', 'c', // SHORT_BINSTRING 'abc'
    'u', // SETITEMS
    '.', // STOP
};
// kOsSystem: checked with pickletools.dis
const Bytes kOsSystem = {
    0x80, 0x02, // PROTO 2
    'c', 'o', 's', '\n', 's', 'y', 's', 't', 'e', 'm', '\n', // GLOBAL 'os system'
    'q', 0x00, // BINPUT 0
    'X', 0x11, 0x00, 0x00, 0x00, 't', 'o', 'u', 'c', 'h', ' ', 'V', 'I', 'G', 'I', 'L', '_', 'P', 'W', 'N', 'E', 'D', // BINUNICODE 'touch VIGIL_PWNED'
    0x85, // TUPLE1
    'R', // REDUCE
    '.', // STOP
};
// kNewObjBuild: checked with pickletools.dis
const Bytes kNewObjBuild = {
    0x80, 0x02, // PROTO 2
    'c', 'e', 'v', 'i', 'l', '.', 'm', 'o', 'd', 'u', 'l', 'e', '\n', 'P', 'a', 'y', 'l', 'o', 'a', 'd', '\n', // GLOBAL 'evil.module Payload'
    ')', // EMPTY_TUPLE
    0x81, // NEWOBJ
    '}', // EMPTY_DICT
    'X', 0x03, 0x00, 0x00, 0x00, 'c', 'm', 'd', // BINUNICODE 'cmd'
    'X', 0x08, 0x00, 0x00, 0x00, 'r', 'm', ' ', '-', 'r', 'f', ' ', '/', // BINUNICODE 'rm -rf /'
    's', // SETITEM
    'b', // BUILD
    '.', // STOP
};
// kTensor: checked with pickletools.dis
const Bytes kTensor = {
    0x80, 0x02, // PROTO 2
    'c', 't', 'o', 'r', 'c', 'h', '.', '_', 'u', 't', 'i', 'l', 's', '\n', '_', 'r', 'e', 'b', 'u', 'i', 'l', 'd', '_', 't', 'e', 'n', 's', 'o', 'r', '_', 'v', '2', '\n', // GLOBAL 'torch._utils _rebuild_tensor_v2'
    'q', 0x00, // BINPUT 0
    '(', // MARK
    '(', // MARK
    'X', 0x07, 0x00, 0x00, 0x00, 's', 't', 'o', 'r', 'a', 'g', 'e', // BINUNICODE 'storage'
    'c', 't', 'o', 'r', 'c', 'h', '\n', 'F', 'l', 'o', 'a', 't', 'S', 't', 'o', 'r', 'a', 'g', 'e', '\n', // GLOBAL 'torch FloatStorage'
    'X', 0x01, 0x00, 0x00, 0x00, '0', // BINUNICODE '0'
    'X', 0x03, 0x00, 0x00, 0x00, 'c', 'p', 'u', // BINUNICODE 'cpu'
    'K', 0x0c, // BININT1 12
    't', // TUPLE
    'Q', // BINPERSID
    'K', 0x02, // BININT1 2
    'K', 0x02, // BININT1 2
    'K', 0x03, // BININT1 3
    0x86, // TUPLE2
    'K', 0x03, // BININT1 3
    'K', 0x01, // BININT1 1
    0x86, // TUPLE2
    0x89, // NEWFALSE
    'c', 'c', 'o', 'l', 'l', 'e', 'c', 't', 'i', 'o', 'n', 's', '\n', 'O', 'r', 'd', 'e', 'r', 'e', 'd', 'D', 'i', 'c', 't', '\n', // GLOBAL 'collections OrderedDict'
    ')', // EMPTY_TUPLE
    'R', // REDUCE
    't', // TUPLE
    'R', // REDUCE
    '.', // STOP
};

// A dict of tensors shaped like a Lightning checkpoint's state_dict: shared storages (the
// persistent id memoised and fetched again with BINGET, as torch.save does), a parameter,
// a scalar, and plain metadata.
Bytes stateDictPickle()
{
    Assembler a;
    a.orderedDict().op({'q', 0}); // BINPUT 0
    a.op({'('});
    a.str("encoder.weight").global("torch._utils", "_rebuild_tensor_v2").op({'('});
    a.storage("FloatStorage", "0", 24).op({'q', 1}); // BINPUT 1: the storage
    a.tensorArgs(0, {3, 4}, {4, 1}).op({'q', 2});
    a.str("encoder.weight_t").global("torch._utils", "_rebuild_tensor_v2").op({'(', 'h', 1}); // same storage
    a.tensorArgs(12, {4, 3}, {1, 4});
    a.str("bias").tensor("HalfStorage", "1", 4, 0, {4}, {1});
    a.str("ids").tensor("LongStorage", "2", 5, 1, {2, 2}, {1, 2});
    a.str("step").tensor("IntStorage", "3", 1, 0, {}, {});
    a.str("ctx").global("torch._utils", "_rebuild_parameter").op({'('});
    a.tensor("BFloat16Storage", "4", 8, 0, {2, 4}, {4, 1}).op({0x88}).orderedDict().op({'t', 'R'});
    a.str("again").op({'h', 2});
    a.str("meta").op({'}', '('}).str("epoch").integer(3).str("lr").op({'G', 0x3f, 0xe0, 0, 0, 0, 0, 0, 0});
    a.str("name").str("ucf").str("none").op({'N'}).str("list").op({']', '(', 'K', 1, 'K', 2, 'e'});
    a.op({'u'});
    a.op({'u'});
    return a.stop();
}

} // namespace

// --- (a) plain data ------------------------------------------------------------------------

VIGIL_TEST(nestedPlainData)
{
    const auto result = load(kNested);
    const PyValue& root = result->root();
    VIGIL_CHECK(root.kind == PyKind::Dict);
    VIGIL_CHECK_EQ(root.entries.size(), size_t(9));

    const PyValue* name = root.get("name");
    VIGIL_CHECK(name && name->kind == PyKind::String && name->text == "vigil");
    // BINPUT/BINGET share one value, as Python does.
    VIGIL_CHECK(root.get("again") == name);

    const PyValue* list = root.get("list");
    VIGIL_CHECK(list && list->kind == PyKind::List);
    VIGIL_CHECK_EQ(list->items.size(), size_t(14));
    const int64_t ints[] = {7, 1000, -2, -1, -32768, -34359738368LL, std::numeric_limits<int64_t>::min(),
                            std::numeric_limits<int64_t>::max(), 0};
    for (size_t i = 0; i < 9; ++i) {
        VIGIL_CHECK(list->items[i]->kind == PyKind::Int);
        VIGIL_CHECK_EQ(list->items[i]->integer, ints[i]);
    }
    VIGIL_CHECK(list->items[9]->kind == PyKind::Float && list->items[9]->real == 2.5);
    VIGIL_CHECK(list->items[10]->kind == PyKind::Float && list->items[10]->real == -0.1);
    VIGIL_CHECK(list->items[11]->kind == PyKind::Bool && list->items[11]->boolean);
    VIGIL_CHECK(list->items[12]->kind == PyKind::Bool && !list->items[12]->boolean);
    VIGIL_CHECK(list->items[13]->kind == PyKind::None);

    const PyValue* tuple = root.get("tuple");
    VIGIL_CHECK(tuple && tuple->kind == PyKind::Tuple && tuple->items.size() == 3);
    VIGIL_CHECK(tuple->items[1]->text == "a" && tuple->items[2]->kind == PyKind::List);
    VIGIL_CHECK(root.get("tuple_again") == tuple);
    const PyValue* pair = root.get("pair");
    VIGIL_CHECK(pair && pair->kind == PyKind::Tuple && pair->items.size() == 2 && pair->items[1]->integer == 2);
    VIGIL_CHECK(root.get("empty")->kind == PyKind::Tuple && root.get("empty")->items.empty());
    VIGIL_CHECK(root.get("nested")->get("k") == list);
    VIGIL_CHECK(root.get("legacy")->text == "abc");
    VIGIL_CHECK(root.get("missing") == nullptr);
}

VIGIL_TEST(pythonProtocols0And4)
{
    // pickle.dumps({'a': [1, 2.5, 'x', None, True], 'b': (3, -4, 12345678901)}, protocol=p):
    // text opcodes (PUT, INT 01 for True, FLOAT, LONG) and framed ones (FRAME, MEMOIZE).
    const Bytes protocol0 = fromHex("286470300a56610a70310a286c70320a49310a6146322e350a6156780a70330a614e614930310a6173"
                                    "56620a70340a2849330a492d340a4c31323334353637383930314c0a7470350a732e");
    const Bytes protocol4 = fromHex("80049532000000000000007d94288c0161945d94284b014740040000000000008c0178944e88658c01"
                                    "62944b034afcffffff8a05351cdcdf028794752e");
    for (const Bytes& bytes : {protocol0, protocol4}) {
        const auto result = load(bytes);
        const PyValue& root = result->root();
        const PyValue* a = root.get("a");
        VIGIL_CHECK(a && a->kind == PyKind::List && a->items.size() == 5);
        VIGIL_CHECK_EQ(a->items[0]->integer, int64_t(1));
        VIGIL_CHECK_EQ(a->items[1]->real, 2.5);
        VIGIL_CHECK(a->items[2]->kind == PyKind::String && a->items[2]->text == "x");
        VIGIL_CHECK(a->items[3]->kind == PyKind::None);
        VIGIL_CHECK(a->items[4]->kind == PyKind::Bool && a->items[4]->boolean);
        const PyValue* b = root.get("b");
        VIGIL_CHECK(b && b->kind == PyKind::Tuple && b->items.size() == 3);
        VIGIL_CHECK_EQ(b->items[1]->integer, int64_t(-4));
        VIGIL_CHECK_EQ(b->items[2]->integer, int64_t(12345678901LL));
    }
}

VIGIL_TEST(selfReferenceIsACycleNotARecursion)
{
    // l = []; l.append(l): EMPTY_LIST BINPUT 0 BINGET 0 APPEND STOP
    const auto result = load({0x80, 0x02, ']', 'q', 0, 'h', 0, 'a', '.'});
    const PyValue& root = result->root();
    VIGIL_CHECK(root.kind == PyKind::List && root.items.size() == 1 && root.items[0] == &root);
    VIGIL_CHECK_EQ(reachable(root), size_t(1));
}

// --- (b) hostile globals stay inert ---------------------------------------------------------

VIGIL_TEST(globalReduceIsInert)
{
    // GLOBAL 'os system' + REDUCE would run a shell command under pickle.loads.
    const std::filesystem::path marker = std::filesystem::current_path() / "VIGIL_PWNED";
    std::filesystem::remove(marker);
    const auto result = load(kOsSystem);
    const PyValue& root = result->root();
    VIGIL_CHECK(root.kind == PyKind::Object);
    VIGIL_CHECK_EQ(root.text, std::string("os.system"));
    VIGIL_CHECK(root.items.size() == 1 && root.items[0]->text == "touch VIGIL_PWNED");
    VIGIL_CHECK(!std::filesystem::exists(marker));

    // The same for other classics of the genre.
    for (const auto& [module, name] : std::vector<std::pair<std::string, std::string>>{
             {"builtins", "eval"}, {"__builtin__", "exec"}, {"subprocess", "Popen"}, {"posix", "system"},
             {"torch", "load"}}) {
        const auto r = load(Assembler().global(module, name).str("payload").op({0x85, 'R'}).stop());
        VIGIL_CHECK(r->root().kind == PyKind::Object);
        VIGIL_CHECK_EQ(r->root().text, module + "." + name);
    }
    // A bare GLOBAL is a description of the name, nothing more.
    const auto g = load(Assembler().global("os", "system").stop());
    VIGIL_CHECK(g->root().kind == PyKind::Global && g->root().text == "os" && g->root().name == "system");
}

VIGIL_TEST(newObjAndBuildOfUnknownClass)
{
    const auto result = load(kNewObjBuild);
    const PyValue& root = result->root();
    VIGIL_CHECK(root.kind == PyKind::Object);
    VIGIL_CHECK_EQ(root.text, std::string("evil.module.Payload"));
    VIGIL_CHECK(root.items.empty());
    VIGIL_CHECK(root.state && root.state->kind == PyKind::Dict);
    VIGIL_CHECK(root.state->get("cmd") && root.state->get("cmd")->text == "rm -rf /");
    // Placeholders take SETITEMS and APPENDS like the dicts and lists they usually are.
    const auto filled = load(Assembler().global("argparse", "Namespace").op({')', 0x81, '('})
                                 .str("lr").integer(3).op({'u', ']', 'a'}).stop());
    VIGIL_CHECK(filled->root().get("lr") && filled->root().get("lr")->integer == 3);
    VIGIL_CHECK_EQ(filled->root().items.size(), size_t(1));
}

// --- (c) torch.save tensors -----------------------------------------------------------------

VIGIL_TEST(rebuildTensorV2)
{
    const auto result = load(kTensor);
    const PyValue& root = result->root();
    VIGIL_CHECK(root.kind == PyKind::Tensor);
    const TensorRef& t = root.tensor;
    VIGIL_CHECK_EQ(t.storageKey, std::string("0"));
    VIGIL_CHECK(t.dtype == DType::Float32);
    VIGIL_CHECK_EQ(t.storageNumel, int64_t(12));
    VIGIL_CHECK_EQ(t.offset, int64_t(2));
    VIGIL_CHECK(t.sizes == std::vector<int64_t>({2, 3}));
    VIGIL_CHECK(t.strides == std::vector<int64_t>({3, 1}));
    VIGIL_CHECK_EQ(t.numel(), int64_t(6));
}

VIGIL_TEST(storageTypes)
{
    const std::vector<std::pair<const char*, DType>> cases = {
        {"FloatStorage", DType::Float32}, {"DoubleStorage", DType::Float64}, {"HalfStorage", DType::Float16},
        {"BFloat16Storage", DType::BFloat16}, {"LongStorage", DType::Int64}, {"IntStorage", DType::Int32},
        {"ShortStorage", DType::Int16}, {"CharStorage", DType::Int8}, {"ByteStorage", DType::UInt8},
        {"BoolStorage", DType::Bool}};
    for (const auto& [type, dtype] : cases) {
        const auto result = load(Assembler().tensor(type, "7", 6, 0, {2, 3}, {3, 1}).stop());
        if (result->root().kind != PyKind::Tensor || result->root().tensor.dtype != dtype)
            VIGIL_FAIL(type << " gave " << result->root().describe());
        VIGIL_CHECK_EQ(result->root().tensor.storageKey, std::string("7"));
    }
}

VIGIL_TEST(tensorEdgeShapes)
{
    // A scalar: no sizes, one element at the offset.
    auto r = load(Assembler().tensor("FloatStorage", "0", 3, 2, {}, {}).stop());
    VIGIL_CHECK(r->root().kind == PyKind::Tensor && r->root().tensor.sizes.empty());
    VIGIL_CHECK_EQ(r->root().tensor.numel(), int64_t(1));
    // Exactly filling the storage is fine; an empty tensor needs no storage at all.
    r = load(Assembler().tensor("FloatStorage", "0", 6, 0, {2, 3}, {3, 1}).stop());
    VIGIL_CHECK(r->root().kind == PyKind::Tensor);
    r = load(Assembler().tensor("FloatStorage", "0", 0, 5, {0, 3}, {3, 1}).stop());
    VIGIL_CHECK_EQ(r->root().tensor.numel(), int64_t(0));
    // Broadcast views (stride 0) and transposed views.
    r = load(Assembler().tensor("FloatStorage", "0", 3, 0, {4, 3}, {0, 1}).stop());
    VIGIL_CHECK_EQ(r->root().tensor.numel(), int64_t(12));
    r = load(Assembler().tensor("FloatStorage", "0", 6, 0, {3, 2}, {1, 3}).stop());
    VIGIL_CHECK(r->root().tensor.strides == std::vector<int64_t>({1, 3}));
}

VIGIL_TEST(rebuildParameterUnwraps)
{
    // _rebuild_parameter(tensor, requires_grad, backward_hooks) is the tensor itself.
    Assembler a;
    a.global("torch._utils", "_rebuild_parameter").op({'('});
    a.tensor("HalfStorage", "3", 8, 0, {2, 4}, {4, 1}).op({0x88}).orderedDict().op({'t', 'R'});
    const auto result = load(a.stop());
    VIGIL_CHECK(result->root().kind == PyKind::Tensor);
    VIGIL_CHECK(result->root().tensor.dtype == DType::Float16);
    VIGIL_CHECK(result->root().tensor.sizes == std::vector<int64_t>({2, 4}));

    Assembler withState;
    withState.global("torch._utils", "_rebuild_parameter_with_state").op({'('});
    withState.tensor("FloatStorage", "0", 1, 0, {1}, {1}).op({0x89}).orderedDict().op({'}', 't', 'R'});
    VIGIL_CHECK(load(withState.stop())->root().kind == PyKind::Tensor);
}

VIGIL_TEST(stateDict)
{
    const auto result = load(stateDictPickle(), "state_dict.pkl");
    const PyValue& root = result->root();
    VIGIL_CHECK(root.kind == PyKind::Dict);
    const PyValue* w = root.get("encoder.weight");
    const PyValue* wt = root.get("encoder.weight_t");
    VIGIL_CHECK(w && w->kind == PyKind::Tensor && wt && wt->kind == PyKind::Tensor);
    VIGIL_CHECK(w->tensor.storageKey == "0" && wt->tensor.storageKey == "0");
    VIGIL_CHECK_EQ(wt->tensor.offset, int64_t(12));
    VIGIL_CHECK(wt->tensor.strides == std::vector<int64_t>({1, 4}));
    VIGIL_CHECK(root.get("again") == w);
    VIGIL_CHECK(root.get("bias")->tensor.dtype == DType::Float16);
    VIGIL_CHECK(root.get("ids")->tensor.dtype == DType::Int64);
    VIGIL_CHECK(root.get("step")->tensor.sizes.empty());
    VIGIL_CHECK(root.get("ctx")->kind == PyKind::Tensor && root.get("ctx")->tensor.dtype == DType::BFloat16);
    const PyValue* meta = root.get("meta");
    VIGIL_CHECK(meta && meta->get("epoch")->integer == 3 && meta->get("lr")->real == 0.5);
    VIGIL_CHECK(meta->get("name")->text == "ucf" && meta->get("list")->items.size() == 2);
}

// --- (d) malformed programs -------------------------------------------------------------

VIGIL_TEST(badTensorsAreRefused)
{
    const int64_t big = int64_t(1) << 62;
    expectRefused("extent past storage", Assembler().tensor("FloatStorage", "0", 6, 1, {2, 3}, {3, 1}).stop(),
                  "reaches element 6 of a storage of 6");
    expectRefused("offset past storage", Assembler().tensor("FloatStorage", "0", 6, 6, {}, {}).stop(),
                  "reaches element 6");
    expectRefused("negative stride", Assembler().tensor("FloatStorage", "0", 6, 2, {2, 3}, {3, -1}).stop(),
                  "negative size or stride");
    expectRefused("negative size", Assembler().tensor("FloatStorage", "0", 6, 0, {-2, 3}, {3, 1}).stop(),
                  "negative size or stride");
    expectRefused("negative offset", Assembler().tensor("FloatStorage", "0", 6, -1, {2}, {1}).stop(),
                  "negative storage offset");
    expectRefused("rank mismatch", Assembler().tensor("FloatStorage", "0", 6, 0, {2, 3}, {1}).stop(),
                  "different lengths");
    expectRefused("extent overflows", Assembler().tensor("FloatStorage", "0", 6, 0, {big, 3}, {big, 1}).stop(),
                  "overflows");
    expectRefused("size overflows", Assembler().tensor("FloatStorage", "0", 6, 0, {big, big, 0}, {0, 0, 0}).stop(),
                  "overflows");
    expectRefused("too many dimensions",
                  Assembler().tensor("FloatStorage", "0", 6, 0, std::vector<int64_t>(65, 1),
                                     std::vector<int64_t>(65, 1)).stop(),
                  "too many dimensions");
    expectRefused("negative storage size", Assembler().tensor("FloatStorage", "0", -1, 0, {}, {}).stop(),
                  "negative storage size");
    expectRefused("unknown storage type", Assembler().tensor("ComplexFloatStorage", "0", 6, 0, {1}, {1}).stop(),
                  "unsupported storage type torch.ComplexFloatStorage");
    expectRefused("size is not a tuple",
                  Assembler().global("torch._utils", "_rebuild_tensor_v2").op({'('}).storage("FloatStorage", "0", 6)
                      .integer(0).integer(2).ints({1}).op({'t', 'R'}).stop(),
                  "expected a tuple for tensor size");
    expectRefused("size is not integers",
                  Assembler().global("torch._utils", "_rebuild_tensor_v2").op({'('}).storage("FloatStorage", "0", 6)
                      .integer(0).op({'(', 'N', 't'}).ints({1}).op({'t', 'R'}).stop(),
                  "expected an integer for tensor size");
    expectRefused("too few arguments",
                  Assembler().global("torch._utils", "_rebuild_tensor_v2").op({'('}).storage("FloatStorage", "0", 6)
                      .integer(0).op({'t', 'R'}).stop(),
                  "at least 4 arguments");
    expectRefused("data is not a storage",
                  Assembler().global("torch._utils", "_rebuild_tensor_v2").op({'(', 'N'}).tensorArgs(0, {1}, {1}).stop(),
                  "not a storage reference");
    expectRefused("parameter of a non-tensor",
                  Assembler().global("torch._utils", "_rebuild_parameter").op({'(', 'N', 0x88}).orderedDict()
                      .op({'t', 'R'}).stop(),
                  "expects a tensor");
    expectRefused("persistent id of another kind",
                  Assembler().op({'('}).str("module").str("x").str("y").str("z").integer(1).op({'t', 'Q'}).stop(),
                  "unsupported persistent id");
    expectRefused("short persistent id", Assembler().op({'('}).str("storage").op({'t', 'Q'}).stop(),
                  "unsupported persistent id");
    expectRefused("storage key not a string",
                  Assembler().op({'('}).str("storage").global("torch", "FloatStorage").integer(0).str("cpu")
                      .integer(1).op({'t', 'Q'}).stop(),
                  "malformed storage reference");
}

VIGIL_TEST(everyTruncationIsRefused)
{
    for (const Bytes* program : {&kNested, &kTensor, &kOsSystem, &kNewObjBuild}) {
        VIGIL_CHECK(load(*program)); // the whole program is fine
        for (size_t n = 0; n < program->size(); ++n) {
            try {
                load(Bytes(program->begin(), program->begin() + long(n)), "cut.pkl");
                VIGIL_FAIL("a prefix of " << n << " bytes was accepted");
            } catch (const Error& e) {
                VIGIL_CHECK(std::string(e.what()).find("cut.pkl") != std::string::npos);
            }
        }
    }
    const Bytes dict = stateDictPickle();
    for (size_t n = 0; n < dict.size(); ++n)
        VIGIL_CHECK_THROWS(load(Bytes(dict.begin(), dict.begin() + long(n)), "cut.pkl"), "cut.pkl");
}

VIGIL_TEST(malformedProgramsAreRefused)
{
    const Bytes nine = {0x80, 0x02, 0x8a, 9, 0, 0, 0, 0, 0, 0, 0, 0x80, 0, '.'}; // 2**71
    struct Case {
        const char* name;
        Bytes bytes;
        const char* reason;
    };
    const std::vector<Case> cases = {
        {"empty", {}, "unexpected end of data"},
        {"no STOP", {0x80, 0x02, 'N'}, "unexpected end of data"},
        {"unknown opcode", {0x80, 0x02, 0xff, '.'}, "unsupported opcode 0xff"},
        {"unknown opcode 0x00", {0x00}, "unsupported opcode 0x0"},
        {"text persistent id", {'P', '1', '\n', '.'}, "text persistent ids"},
        {"protocol 6", {0x80, 0x06, 'N', '.'}, "unsupported protocol"},
        {"BINGET of an unset key", {0x80, 0x02, 'N', 'q', 0, 'h', 5, '.'}, "memo key 5 was never stored"},
        {"LONG_BINGET of an unset key", {0x80, 0x02, 'j', 0xff, 0xff, 0xff, 0xff, '.'}, "memo key 4294967295"},
        {"GET of an unset key", {'g', '1', '2', '\n', '.'}, "memo key 12"},
        {"GET of a bad key", {'g', '1', 'x', '\n', '.'}, "bad memo index"},
        {"BINPUT on an empty stack", {0x80, 0x02, 'q', 0, '.'}, "memoising an empty stack"},
        {"POP of nothing", {0x80, 0x02, '0', '.'}, "stack underflow"},
        {"DUP of nothing", {0x80, 0x02, '2', '.'}, "stack underflow"},
        {"TUPLE2 of one", {0x80, 0x02, 'K', 1, 0x86, '.'}, "stack underflow"},
        {"TUPLE3 across a mark", {0x80, 0x02, 'K', 1, 'K', 2, '(', 'K', 3, 0x87, '.'}, "stack underflow"},
        {"REDUCE of nothing", {0x80, 0x02, 'R', '.'}, "stack underflow"},
        {"BUILD of one", {0x80, 0x02, 'N', 'b', '.'}, "stack underflow"},
        {"STOP on an empty stack", {0x80, 0x02, '.'}, "empty stack at STOP"},
        {"TUPLE without a mark", {0x80, 0x02, 'K', 1, 't', '.'}, "no mark"},
        {"POP_MARK without a mark", {0x80, 0x02, '1', '.'}, "no mark"},
        {"odd SETITEMS", {0x80, 0x02, '}', '(', 'K', 1, 'u', '.'}, "odd number of items"},
        {"odd DICT", {0x80, 0x02, '(', 'K', 1, 'd', '.'}, "odd number of items"},
        {"SETITEMS on nothing", {0x80, 0x02, '(', 'K', 1, 'K', 2, 'u', '.'}, "stack underflow"},
        {"SETITEM on a list", {0x80, 0x02, ']', 'K', 1, 'K', 2, 's', '.'}, "SETITEM on list"},
        {"APPEND to a dict", {0x80, 0x02, '}', 'K', 1, 'a', '.'}, "APPEND on dict"},
        {"APPENDS to an int", {0x80, 0x02, 'K', 1, '(', 'K', 1, 'e', '.'}, "APPEND on 1"},
        {"LONG1 wider than int64", nine, "wider than 64 bits"},
        {"LONG1 past the end", {0x80, 0x02, 0x8a, 200, 1, '.'}, "long runs past the end"},
        {"LONG4 huge length", {0x80, 0x02, 0x8b, 0xff, 0xff, 0xff, 0xff, '.'}, "long runs past the end"},
        {"BINUNICODE past the end", {0x80, 0x02, 'X', 0xff, 0xff, 0xff, 0x7f, 'a', '.'}, "runs past the end"},
        {"BINUNICODE8 huge length", {0x80, 0x02, 0x8d, 0, 0, 0, 0, 0, 0, 0, 0x80, '.'}, "runs past the end"},
        {"BINBYTES8 huge length", {0x80, 0x02, 0x8e, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, "runs past the end"},
        {"unterminated GLOBAL", {0x80, 0x02, 'c', 'o', 's', '\n', 's', 'y', 's'}, "unterminated line"},
        {"bad INT", {'I', '1', '2', 'x', '\n', '.'}, "bad integer literal"},
        {"INT out of range", {'I', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9',
                              '9', '9', '9', '\n', '.'},
         "bad integer literal"},
        {"empty INT", {'I', '\n', '.'}, "bad integer literal"},
        {"bad FLOAT", {'F', 'x', '\n', '.'}, "bad float literal"},
        {"STACK_GLOBAL of non-strings", {0x80, 0x04, 'K', 1, 'K', 2, 0x93, '.'}, "STACK_GLOBAL expects two strings"},
        {"OBJ without a class", {'(', 'o', '.'}, "OBJ without a class"},
        {"FRAME cut short", {0x80, 0x04, 0x95, 1, 0, 0}, "unexpected end of data"},
    };
    for (const Case& c : cases)
        expectRefused(c.name, c.bytes, c.reason);
}

VIGIL_TEST(copyAmplificationIsBounded)
{
    // Regression: BINGET lets a few bytes copy a memoised tuple or string into a new value
    // again and again, so each of these 1 MB programs asked for hundreds of GB and ended in
    // std::bad_alloc (or the OOM killer). The copies are now bounded (256 MB in all).
    const size_t target = size_t(1) << 20;
    const std::string big(target / 2, 'a');
    Assembler tuple;
    tuple.op({'N', 'q', 0}).global("m", "C").op({'q', 1, '('});
    for (int i = 0; i < 131072; ++i)
        tuple.op({'h', 0});
    tuple.op({'t', 'q', 2});
    Assembler storageId;
    storageId.op({'('}).str("storage").global("torch", "FloatStorage").str(big).str("cpu").integer(1);
    storageId.op({'t', 'q', 0});
    Assembler tensorArgs;
    tensorArgs.global("torch._utils", "_rebuild_tensor_v2").op({'q', 0, '('}).storage("FloatStorage", big, 1);
    tensorArgs.integer(0).op({')', ')', 't', 'q', 1});
    struct Case {
        const char* name;
        Bytes prefix;
        Bytes repeated;
    };
    const std::vector<Case> cases = {
        {"NEWOBJ copying a tuple", tuple.out, {'h', 1, 'h', 2, 0x81, '0'}},
        {"STACK_GLOBAL copying strings", Assembler().str(big).op({'q', 0}).out, {'h', 0, 'h', 0, 0x93, '0'}},
        {"NEWOBJ of a string class", Assembler().str(big).op({'q', 0, ')', 'q', 1}).out, {'h', 0, 'h', 1, 0x81, '0'}},
        {"BINPERSID copying a key", storageId.out, {'h', 0, 'Q', '0'}},
        {"tensors copying a key", tensorArgs.out, {'h', 0, 'h', 1, 'R', '0'}},
    };
    for (const Case& c : cases) {
        Bytes program = c.prefix;
        while (program.size() + c.repeated.size() + 2 <= target)
            program.insert(program.end(), c.repeated.begin(), c.repeated.end());
        program.push_back('N');
        program.push_back('.');
        expectRefused(c.name, program, "too many objects");
    }
    // A few copies of the same values are of course fine.
    Assembler few = tuple;
    for (int i = 0; i < 8; ++i)
        few.op({'h', 1, 'h', 2, 0x81, '0'});
    VIGIL_CHECK(load(few.stop())->root().kind == PyKind::Tuple);
}

// --- (e) mutations ---------------------------------------------------------------------------

VIGIL_TEST(mutationsParseOrThrowVigilError)
{
    // 20,000 deterministic mutants of a tensor dict (xorshift64*, fixed seed): each must
    // unpickle or throw vigil::Error, never crash or throw anything else.
    const Bytes base = stateDictPickle();
    VIGIL_CHECK(load(base)->root().kind == PyKind::Dict);
    uint64_t state = 0x9e3779b97f4a7c15ULL;
    auto next = [&state]() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545f4914f6cdd1dULL;
    };
    // Opcodes and lengths worth splicing in: they reach deeper than random bytes do.
    const unsigned char interesting[] = {'(', ')', '.', '0', '1', '2', 'N', 'R', 'Q', 'b', 'e', 'a', 'h', 'q', 's',
                                         't', 'u', ']', '}', 0x81, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x94, 0x95,
                                         0x00, 0x01, 0x7f, 0x80, 0xff};
    size_t parsed = 0, refused = 0;
    for (int iteration = 0; iteration < 20000; ++iteration) {
        Bytes m = base;
        const int mutations = 1 + int(next() % 3);
        for (int k = 0; k < mutations && !m.empty(); ++k) {
            const size_t at = size_t(next() % m.size());
            switch (next() % 7) {
            case 0: m[at] = static_cast<unsigned char>(next()); break;                 // random byte
            case 1: m[at] ^= static_cast<unsigned char>(1u << (next() % 8)); break;    // bit flip
            case 2: m.resize(at); break;                                                // truncation
            case 3: m.insert(m.begin() + long(at), static_cast<unsigned char>(next())); break;
            case 4: m.insert(m.begin() + long(at), interesting[next() % sizeof(interesting)]); break;
            case 5: m.erase(m.begin() + long(at), m.begin() + long(std::min<size_t>(m.size(), at + 1 + size_t(next() % 8)))); break;
            case 6: { // duplicate a slice elsewhere
                const size_t len = std::min(m.size() - at, size_t(1 + next() % 16));
                const Bytes slice(m.begin() + long(at), m.begin() + long(at + len));
                m.insert(m.begin() + long(next() % (m.size() + 1)), slice.begin(), slice.end());
                break;
            }
            }
        }
        try {
            const auto result = load(m, "mutant.pkl");
            reachable(result->root());
            ++parsed;
        } catch (const Error& e) {
            if (std::string(e.what()).find("mutant.pkl") == std::string::npos)
                VIGIL_FAIL("iteration " << iteration << ": error without the source name: " << e.what());
            ++refused;
        } catch (const test::Failure&) {
            throw;
        } catch (const std::exception& e) {
            VIGIL_FAIL("iteration " << iteration << ": " << typeid(e).name() << ": " << e.what());
        }
    }
    // Both outcomes must occur, or the loop tests less than it claims.
    VIGIL_CHECK(parsed > 100);
    VIGIL_CHECK(refused > 1000);
    std::printf("       mutations: %zu parsed, %zu refused\n", parsed, refused);
}

} // namespace vigil

VIGIL_TEST_MAIN()
