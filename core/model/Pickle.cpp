// The pickle virtual machine. Only data-building opcodes do anything; callables are
// never called: the few torch rebuild functions are recognised by name and interpreted.
#include "Pickle.h"

#include "Error.h"

#include <cstring>
#include <sstream>
#include <unordered_map>

namespace vigil {

namespace {

constexpr size_t kMaxValues = size_t(20) * 1000 * 1000;
// Values built from memoised ones copy their strings and item lists; BINGET lets a few bytes
// repeat such a copy, so without this bound a 1 MB pickle could ask for hundreds of GB.
constexpr size_t kMaxCopiedBytes = size_t(256) << 20;
constexpr size_t kMaxDims = 64;

bool mulOverflows(int64_t a, int64_t b, int64_t* out) { return __builtin_mul_overflow(a, b, out); }
bool addOverflows(int64_t a, int64_t b, int64_t* out) { return __builtin_add_overflow(a, b, out); }

struct StorageType {
    const char* name;
    DType dtype;
};

const StorageType kStorageTypes[] = {
    {"FloatStorage", DType::Float32}, {"DoubleStorage", DType::Float64}, {"HalfStorage", DType::Float16},
    {"BFloat16Storage", DType::BFloat16}, {"LongStorage", DType::Int64},   {"IntStorage", DType::Int32},
    {"ShortStorage", DType::Int16},   {"CharStorage", DType::Int8},      {"ByteStorage", DType::UInt8},
    {"BoolStorage", DType::Bool},     {"UntypedStorage", DType::UInt8},
};

} // namespace

int64_t TensorRef::numel() const
{
    int64_t n = 1;
    for (int64_t s : sizes)
        n *= s;
    return n;
}

const PyValue* PyValue::get(const std::string& key) const
{
    for (const auto& [k, v] : entries)
        if (k && k->kind == PyKind::String && k->text == key)
            return v;
    return nullptr;
}

std::string PyValue::describe() const
{
    switch (kind) {
    case PyKind::None: return "None";
    case PyKind::Bool: return boolean ? "True" : "False";
    case PyKind::Int: return std::to_string(integer);
    case PyKind::Float: return std::to_string(real);
    case PyKind::String: return "'" + text + "'";
    case PyKind::Bytes: return "bytes[" + std::to_string(text.size()) + "]";
    case PyKind::Tuple: return "tuple[" + std::to_string(items.size()) + "]";
    case PyKind::List: return "list[" + std::to_string(items.size()) + "]";
    case PyKind::Dict: return "dict[" + std::to_string(entries.size()) + "]";
    case PyKind::Set: return "set[" + std::to_string(items.size()) + "]";
    case PyKind::Global: return "global " + text + "." + name;
    case PyKind::Object: return "object of " + text;
    case PyKind::Storage: return "storage " + tensor.storageKey;
    case PyKind::Tensor: return std::string("tensor ") + dtypeName(tensor.dtype);
    }
    return "?";
}

class Unpickler {
public:
    Unpickler(const unsigned char* bytes, size_t size, std::string what)
        : m_p(bytes), m_end(bytes + size), m_what(std::move(what)), m_result(std::make_shared<PickleResult>())
    {
    }

    std::shared_ptr<const PickleResult> run();

private:
    [[noreturn]] void fail(const std::string& why) const
    {
        throw Error(m_what + ": corrupt pickle at byte " + std::to_string(m_opcodeOffset) + ": " + why);
    }

    // Accounts for `bytes` copied out of existing values (see kMaxCopiedBytes).
    void charge(size_t bytes)
    {
        m_copiedBytes += bytes;
        if (m_copiedBytes > kMaxCopiedBytes)
            fail("too many objects");
    }

    PyValue* make(PyKind kind)
    {
        if (m_result->m_arena.size() >= kMaxValues)
            fail("too many objects");
        m_result->m_arena.push_back(std::make_unique<PyValue>());
        m_result->m_arena.back()->kind = kind;
        return m_result->m_arena.back().get();
    }

    const unsigned char* take(size_t n)
    {
        if (size_t(m_end - m_p) < n)
            fail("unexpected end of data");
        const unsigned char* at = m_p;
        m_p += n;
        return at;
    }
    uint64_t readLE(size_t n)
    {
        const unsigned char* at = take(n);
        uint64_t v = 0;
        for (size_t i = 0; i < n; ++i)
            v |= uint64_t(at[i]) << (8 * i);
        return v;
    }
    std::string readString(uint64_t n)
    {
        if (n > uint64_t(m_end - m_p))
            fail("string length " + std::to_string(n) + " runs past the end");
        const unsigned char* at = take(size_t(n));
        return std::string(reinterpret_cast<const char*>(at), size_t(n));
    }
    std::string readLine()
    {
        const unsigned char* start = m_p;
        while (m_p < m_end && *m_p != '\n')
            ++m_p;
        if (m_p == m_end)
            fail("unterminated line");
        std::string line(reinterpret_cast<const char*>(start), size_t(m_p - start));
        ++m_p;
        return line;
    }

    void push(PyValue* v) { m_stack.push_back(v); }
    PyValue* pop()
    {
        if (m_stack.size() <= m_markBase())
            fail("stack underflow");
        PyValue* v = m_stack.back();
        m_stack.pop_back();
        return v;
    }
    PyValue* top()
    {
        if (m_stack.size() <= m_markBase())
            fail("stack underflow");
        return m_stack.back();
    }
    size_t m_markBase() const { return m_marks.empty() ? 0 : m_marks.back(); }
    // Pops everything above the last mark, and the mark.
    std::vector<PyValue*> popMark()
    {
        if (m_marks.empty())
            fail("no mark on the stack");
        const size_t base = m_marks.back();
        m_marks.pop_back();
        std::vector<PyValue*> items(m_stack.begin() + long(base), m_stack.end());
        m_stack.resize(base);
        return items;
    }

    void memoPut(uint64_t index)
    {
        if (m_stack.empty())
            fail("memoising an empty stack");
        m_memo[index] = m_stack.back();
    }
    PyValue* memoGet(uint64_t index)
    {
        auto it = m_memo.find(index);
        if (it == m_memo.end())
            fail("memo key " + std::to_string(index) + " was never stored");
        return it->second;
    }

    PyValue* makeInt(int64_t v)
    {
        PyValue* p = make(PyKind::Int);
        p->integer = v;
        return p;
    }
    PyValue* makeString(PyKind kind, std::string s)
    {
        PyValue* p = make(kind);
        p->text = std::move(s);
        return p;
    }
    PyValue* makeTuple(std::vector<PyValue*> items)
    {
        PyValue* p = make(PyKind::Tuple);
        p->items = std::move(items);
        return p;
    }
    PyValue* makeGlobal(std::string module, std::string name)
    {
        PyValue* p = make(PyKind::Global);
        p->text = std::move(module);
        p->name = std::move(name);
        return p;
    }

    void setItems(PyValue* target, const std::vector<PyValue*>& kv)
    {
        if (kv.size() % 2 != 0)
            fail("odd number of items for SETITEMS");
        if (target->kind != PyKind::Dict && target->kind != PyKind::Object)
            fail("SETITEM on " + target->describe());
        for (size_t i = 0; i < kv.size(); i += 2)
            target->entries.emplace_back(kv[i], kv[i + 1]);
    }
    void appendItems(PyValue* target, const std::vector<PyValue*>& items)
    {
        if (target->kind != PyKind::List && target->kind != PyKind::Object && target->kind != PyKind::Set)
            fail("APPEND on " + target->describe());
        target->items.insert(target->items.end(), items.begin(), items.end());
    }

    PyValue* persistentLoad(PyValue* pid);
    PyValue* reduce(PyValue* callable, PyValue* args);
    PyValue* rebuildTensor(PyValue* args);
    PyValue* newObject(PyValue* cls, PyValue* args);
    int64_t intItem(const PyValue* v, const char* role)
    {
        if (!v || (v->kind != PyKind::Int && v->kind != PyKind::Bool))
            fail(std::string("expected an integer for ") + role);
        return v->kind == PyKind::Bool ? int64_t(v->boolean) : v->integer;
    }
    std::vector<int64_t> intTuple(const PyValue* v, const char* role)
    {
        if (!v || (v->kind != PyKind::Tuple && v->kind != PyKind::List))
            fail(std::string("expected a tuple for ") + role);
        if (v->items.size() > kMaxDims)
            fail(std::string("too many dimensions in ") + role);
        std::vector<int64_t> out;
        for (const PyValue* item : v->items)
            out.push_back(intItem(item, role));
        return out;
    }

    const unsigned char* m_begin = nullptr;
    const unsigned char* m_p;
    const unsigned char* m_end;
    std::string m_what;
    size_t m_opcodeOffset = 0;
    std::shared_ptr<PickleResult> m_result;
    std::vector<PyValue*> m_stack;
    std::vector<size_t> m_marks;
    std::unordered_map<uint64_t, PyValue*> m_memo;
    size_t m_copiedBytes = 0;
};

PyValue* Unpickler::persistentLoad(PyValue* pid)
{
    // torch.save: ('storage', storage_type, key, location, numel)
    if (pid->kind != PyKind::Tuple || pid->items.size() < 5 || pid->items[0]->kind != PyKind::String ||
        pid->items[0]->text != "storage")
        fail("unsupported persistent id " + pid->describe());
    const PyValue* type = pid->items[1];
    const PyValue* key = pid->items[2];
    const PyValue* location = pid->items[3];
    if (type->kind != PyKind::Global || key->kind != PyKind::String)
        fail("malformed storage reference");
    const StorageType* found = nullptr;
    for (const StorageType& t : kStorageTypes)
        if (type->name == t.name)
            found = &t;
    if (!found)
        fail("unsupported storage type " + type->text + "." + type->name);
    charge(key->text.size() + (location->kind == PyKind::String ? location->text.size() : 0));
    PyValue* storage = make(PyKind::Storage);
    storage->tensor.storageKey = key->text;
    storage->tensor.dtype = found->dtype;
    storage->tensor.storageNumel = intItem(pid->items[4], "storage size");
    if (storage->tensor.storageNumel < 0)
        fail("negative storage size");
    if (location->kind == PyKind::String)
        storage->text = location->text;
    return storage;
}

PyValue* Unpickler::rebuildTensor(PyValue* args)
{
    // _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks, ...)
    if (args->kind != PyKind::Tuple || args->items.size() < 4)
        fail("_rebuild_tensor_v2 expects at least 4 arguments");
    const PyValue* storage = args->items[0];
    if (storage->kind != PyKind::Storage)
        fail("tensor data is not a storage reference");
    charge(storage->tensor.storageKey.size());
    PyValue* tensor = make(PyKind::Tensor);
    TensorRef& ref = tensor->tensor;
    ref = storage->tensor;
    ref.offset = intItem(args->items[1], "storage offset");
    ref.sizes = intTuple(args->items[2], "tensor size");
    ref.strides = intTuple(args->items[3], "tensor stride");
    if (ref.sizes.size() != ref.strides.size())
        fail("size and stride have different lengths");
    if (ref.offset < 0)
        fail("negative storage offset");
    // The last element addressed must lie inside the storage.
    int64_t last = ref.offset;
    bool empty = false;
    for (size_t d = 0; d < ref.sizes.size(); ++d) {
        if (ref.sizes[d] < 0 || ref.strides[d] < 0)
            fail("negative size or stride");
        if (ref.sizes[d] == 0)
            empty = true;
    }
    if (!empty) {
        for (size_t d = 0; d < ref.sizes.size(); ++d) {
            int64_t span;
            if (mulOverflows(ref.sizes[d] - 1, ref.strides[d], &span) || addOverflows(last, span, &last))
                fail("tensor extent overflows");
        }
        if (last >= ref.storageNumel)
            fail("tensor of storage " + ref.storageKey + " reaches element " + std::to_string(last) +
                 " of a storage of " + std::to_string(ref.storageNumel));
    }
    int64_t n = 1;
    for (int64_t s : ref.sizes)
        if (mulOverflows(n, s, &n))
            fail("tensor size overflows");
    return tensor;
}

PyValue* Unpickler::newObject(PyValue* cls, PyValue* args)
{
    PyValue* object = make(PyKind::Object);
    if (cls->kind == PyKind::Global)
        object->text = cls->text + "." + cls->name;
    else
        object->text = "<" + cls->describe() + ">";
    charge(object->text.size());
    if (args->kind == PyKind::Tuple) {
        charge(args->items.size() * sizeof(PyValue*));
        object->items = args->items;
    }
    return object;
}

PyValue* Unpickler::reduce(PyValue* callable, PyValue* args)
{
    if (callable->kind == PyKind::Global) {
        const std::string& module = callable->text;
        const std::string& name = callable->name;
        if (module == "torch._utils" && (name == "_rebuild_tensor_v2" || name == "_rebuild_tensor"))
            return rebuildTensor(args);
        if (module == "torch._utils" && (name == "_rebuild_parameter" || name == "_rebuild_parameter_with_state")) {
            if (args->kind != PyKind::Tuple || args->items.empty() || args->items[0]->kind != PyKind::Tensor)
                fail("_rebuild_parameter expects a tensor");
            return args->items[0];
        }
        if (module == "collections" && name == "OrderedDict")
            return make(PyKind::Dict);
    }
    // Anything else stays an inert placeholder holding its arguments.
    return newObject(callable, args);
}

std::shared_ptr<const PickleResult> Unpickler::run()
{
    m_begin = m_p;
    while (true) {
        m_opcodeOffset = size_t(m_p - m_begin);
        const unsigned char op = *take(1);
        switch (op) {
        case 0x80: // PROTO
            if (*take(1) > 5)
                fail("unsupported protocol");
            break;
        case 0x95: // FRAME
            take(8);
            break;
        case '.': { // STOP
            if (m_stack.empty())
                fail("empty stack at STOP");
            m_result->m_root = m_stack.back();
            return m_result;
        }
        case '(': m_marks.push_back(m_stack.size()); break; // MARK
        case '0': pop(); break;                             // POP
        case '1': popMark(); break;                         // POP_MARK
        case '2': push(top()); break;                       // DUP
        case 'N': push(make(PyKind::None)); break;
        case 0x88:
        case 0x89: {
            PyValue* b = make(PyKind::Bool);
            b->boolean = op == 0x88;
            push(b);
            break;
        }
        case 'J': push(makeInt(int32_t(uint32_t(readLE(4))))); break; // BININT
        case 'K': push(makeInt(int64_t(readLE(1)))); break;          // BININT1
        case 'M': push(makeInt(int64_t(readLE(2)))); break;          // BININT2
        case 0x8a:                                                    // LONG1
        case 0x8b: {                                                  // LONG4
            const uint64_t n = op == 0x8a ? readLE(1) : readLE(4);
            if (n > uint64_t(m_end - m_p))
                fail("long runs past the end");
            if (n > 8)
                fail("integer wider than 64 bits");
            const unsigned char* at = take(size_t(n));
            uint64_t v = 0;
            for (size_t i = 0; i < n; ++i)
                v |= uint64_t(at[i]) << (8 * i);
            if (n > 0 && n < 8 && (at[n - 1] & 0x80))
                v |= ~uint64_t(0) << (8 * n); // sign-extend
            push(makeInt(int64_t(v)));
            break;
        }
        case 'I':
        case 'L': { // INT / LONG, text forms
            std::string line = readLine();
            if (!line.empty() && line.back() == 'L')
                line.pop_back();
            if (line == "00" || line == "01") {
                PyValue* b = make(PyKind::Bool);
                b->boolean = line == "01";
                push(b);
                break;
            }
            try {
                size_t used = 0;
                const long long v = std::stoll(line, &used);
                if (used != line.size())
                    fail("bad integer literal");
                push(makeInt(v));
            } catch (const std::logic_error&) {
                fail("bad integer literal");
            }
            break;
        }
        case 'G': { // BINFLOAT, big endian
            const unsigned char* at = take(8);
            uint64_t bits = 0;
            for (int i = 0; i < 8; ++i)
                bits = (bits << 8) | at[i];
            PyValue* f = make(PyKind::Float);
            std::memcpy(&f->real, &bits, 8);
            push(f);
            break;
        }
        case 'F': { // FLOAT, text
            const std::string line = readLine();
            PyValue* f = make(PyKind::Float);
            std::istringstream in(line);
            in.imbue(std::locale::classic());
            if (!(in >> f->real))
                fail("bad float literal");
            push(f);
            break;
        }
        case 'X': push(makeString(PyKind::String, readString(readLE(4)))); break;    // BINUNICODE
        case 0x8c: push(makeString(PyKind::String, readString(readLE(1)))); break;   // SHORT_BINUNICODE
        case 0x8d: push(makeString(PyKind::String, readString(readLE(8)))); break;   // BINUNICODE8
        case 'T': push(makeString(PyKind::String, readString(readLE(4)))); break;    // BINSTRING
        case 'U': push(makeString(PyKind::String, readString(readLE(1)))); break;    // SHORT_BINSTRING
        case 'B': push(makeString(PyKind::Bytes, readString(readLE(4)))); break;     // BINBYTES
        case 'C': push(makeString(PyKind::Bytes, readString(readLE(1)))); break;     // SHORT_BINBYTES
        case 0x8e: push(makeString(PyKind::Bytes, readString(readLE(8)))); break;    // BINBYTES8
        case 'V': push(makeString(PyKind::String, readLine())); break;               // UNICODE (raw)
        case 'S': {                                                                  // STRING (quoted)
            std::string line = readLine();
            if (line.size() >= 2 && (line[0] == '\'' || line[0] == '"') && line.back() == line[0])
                line = line.substr(1, line.size() - 2);
            push(makeString(PyKind::String, line));
            break;
        }
        case ')': push(makeTuple({})); break;
        case 't': push(makeTuple(popMark())); break;
        case 0x85: {
            PyValue* a = pop();
            push(makeTuple({a}));
            break;
        }
        case 0x86: {
            PyValue* b = pop();
            PyValue* a = pop();
            push(makeTuple({a, b}));
            break;
        }
        case 0x87: {
            PyValue* c = pop();
            PyValue* b = pop();
            PyValue* a = pop();
            push(makeTuple({a, b, c}));
            break;
        }
        case ']': push(make(PyKind::List)); break;
        case 'l': {
            PyValue* list = make(PyKind::List);
            list->items = popMark();
            push(list);
            break;
        }
        case '}': push(make(PyKind::Dict)); break;
        case 'd': {
            const std::vector<PyValue*> kv = popMark();
            PyValue* dict = make(PyKind::Dict);
            setItems(dict, kv);
            push(dict);
            break;
        }
        case 0x8f: push(make(PyKind::Set)); break; // EMPTY_SET
        case 0x90: {                               // ADDITEMS
            const std::vector<PyValue*> items = popMark();
            appendItems(top(), items);
            break;
        }
        case 0x91: { // FROZENSET
            PyValue* set = make(PyKind::Set);
            set->items = popMark();
            push(set);
            break;
        }
        case 'a': { // APPEND
            PyValue* v = pop();
            appendItems(top(), {v});
            break;
        }
        case 'e': { // APPENDS
            const std::vector<PyValue*> items = popMark();
            appendItems(top(), items);
            break;
        }
        case 's': { // SETITEM
            PyValue* v = pop();
            PyValue* k = pop();
            setItems(top(), {k, v});
            break;
        }
        case 'u': { // SETITEMS
            const std::vector<PyValue*> kv = popMark();
            setItems(top(), kv);
            break;
        }
        case 'q': memoPut(readLE(1)); break;                 // BINPUT
        case 'r': memoPut(readLE(4)); break;                 // LONG_BINPUT
        case 0x94: memoPut(m_memo.size()); break;            // MEMOIZE
        case 'h': push(memoGet(readLE(1))); break;           // BINGET
        case 'j': push(memoGet(readLE(4))); break;           // LONG_BINGET
        case 'p':                                            // PUT
        case 'g': {                                          // GET
            const std::string line = readLine();
            uint64_t index = 0;
            if (line.empty() || line.size() > 18)
                fail("bad memo index");
            for (char c : line) {
                if (c < '0' || c > '9')
                    fail("bad memo index");
                index = index * 10 + uint64_t(c - '0');
            }
            if (op == 'p')
                memoPut(index);
            else
                push(memoGet(index));
            break;
        }
        case 'c': { // GLOBAL "module\nname\n"
            std::string module = readLine();
            std::string name = readLine();
            push(makeGlobal(std::move(module), std::move(name)));
            break;
        }
        case 0x93: { // STACK_GLOBAL
            PyValue* name = pop();
            PyValue* module = pop();
            if (module->kind != PyKind::String || name->kind != PyKind::String)
                fail("STACK_GLOBAL expects two strings");
            charge(module->text.size() + name->text.size());
            push(makeGlobal(module->text, name->text));
            break;
        }
        case 0x82:
        case 0x83:
        case 0x84: { // EXT1/2/4: extension registry codes, kept as placeholders
            const uint64_t code = readLE(op == 0x82 ? 1 : op == 0x83 ? 2 : 4);
            push(makeGlobal("copyreg.extension", std::to_string(code)));
            break;
        }
        case 'Q': { // BINPERSID
            PyValue* pid = pop();
            push(persistentLoad(pid));
            break;
        }
        case 'P': fail("text persistent ids are not supported");
        case 'R': { // REDUCE
            PyValue* args = pop();
            PyValue* callable = pop();
            push(reduce(callable, args));
            break;
        }
        case 0x81: { // NEWOBJ
            PyValue* args = pop();
            PyValue* cls = pop();
            push(newObject(cls, args));
            break;
        }
        case 0x92: { // NEWOBJ_EX
            pop(); // kwargs
            PyValue* args = pop();
            PyValue* cls = pop();
            push(newObject(cls, args));
            break;
        }
        case 'i': { // INST: module, name, then marked args
            std::string module = readLine();
            std::string name = readLine();
            PyValue* cls = makeGlobal(std::move(module), std::move(name));
            push(newObject(cls, makeTuple(popMark())));
            break;
        }
        case 'o': { // OBJ: marked cls, args...
            std::vector<PyValue*> items = popMark();
            if (items.empty())
                fail("OBJ without a class");
            PyValue* cls = items.front();
            items.erase(items.begin());
            push(newObject(cls, makeTuple(std::move(items))));
            break;
        }
        case 'b': { // BUILD
            PyValue* state = pop();
            PyValue* target = top();
            if (target->kind == PyKind::Object)
                target->state = state;
            // BUILD on tensors (parameter state) and dicts is harmless to ignore.
            break;
        }
        default: {
            std::ostringstream os;
            os << "unsupported opcode 0x" << std::hex << int(op);
            fail(os.str());
        }
        }
    }
}

std::shared_ptr<const PickleResult> unpickle(const unsigned char* bytes, size_t size, const std::string& what)
{
    return Unpickler(bytes, size, what).run();
}

} // namespace vigil
