#!/usr/bin/python3
# AnomalyCLIP inference written the way the Python reference runs it (OpenAI CLIP's model
# code on PyTorch, PyAV decoding, PIL/torchvision preprocessing, batches of 32): the
# baseline that `vigil-cli score` is timed against, on the same machine, in the same run.
# Written from ../shared/docs/anomalyclip-model.md; `--check GOLDEN_DIR` compares it with
# the golden reference outputs first, so the baseline is known to compute the same thing.
#
#   reference_anomalyclip.py --checkpoint last.ckpt --centroid ncentroid.pt \
#       --normal-id 7 [--threads 2] [--batch 32] [--out scores.csv] [--features-out f.npy] VIDEO
#   reference_anomalyclip.py --check ../shared/golden/ucf --normal-id 7
#
# Needs Debian 12's python3-torch (1.13), python3-torchvision, python3-av, python3-pil.
# Prints the stage times and the whole process's time (from interpreter start) on stderr.
import time

PROCESS_START = time.perf_counter()

import argparse  # noqa: E402
import math  # noqa: E402
import pathlib  # noqa: E402
import pickle  # noqa: E402
import sys  # noqa: E402
from collections import OrderedDict  # noqa: E402

import av  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from PIL import Image  # noqa: E402
from torch import nn  # noqa: E402
from torchvision import transforms  # noqa: E402

SEGMENTS, FRAMES_PER_SEGMENT = 32, 16
WINDOW = SEGMENTS * FRAMES_PER_SEGMENT
END_OF_TEXT = 49407


# --- Loading: Lightning checkpoints pickle classes of the training code; they are read as
# empty placeholders (only `state_dict` is used).
class _Placeholder:
    def __init__(self, *args, **kwargs):
        pass

    def __setstate__(self, state):
        pass

    def __setitem__(self, key, value):
        pass

    def append(self, value):
        pass

    def extend(self, values):
        pass


class _TolerantUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        try:
            return super().find_class(module, name)
        except (ImportError, AttributeError):
            return type(name, (_Placeholder,), {})


def load_state_dict(path):
    # torch 1.13's load ignores its pickle_module argument: its unpickler subclasses
    # pickle.Unpickler, so that name is pointed at the tolerant one for the call.
    original = pickle.Unpickler
    pickle.Unpickler = _TolerantUnpickler
    try:
        data = torch.load(path, map_location="cpu")
    finally:
        pickle.Unpickler = original
    state = data["state_dict"] if isinstance(data, dict) and "state_dict" in data else data
    return {k[len("net."):]: v.float() for k, v in state.items() if k.startswith("net.")}


def sub(state, prefix):
    return {k[len(prefix):]: v for k, v in state.items() if k.startswith(prefix)}


# --- CLIP (section 1 and 2), sequence-first as OpenAI's model.py
class QuickGELU(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class ResidualAttentionBlock(nn.Module):
    def __init__(self, width, heads, attn_mask=None):
        super().__init__()
        self.attn = nn.MultiheadAttention(width, heads)
        self.ln_1 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(OrderedDict([("c_fc", nn.Linear(width, width * 4)), ("gelu", QuickGELU()),
                                              ("c_proj", nn.Linear(width * 4, width))]))
        self.ln_2 = nn.LayerNorm(width)
        self.attn_mask = attn_mask

    def forward(self, x):
        h = self.ln_1(x)
        mask = self.attn_mask.to(x.dtype) if self.attn_mask is not None else None
        x = x + self.attn(h, h, h, need_weights=False, attn_mask=mask)[0]
        return x + self.mlp(self.ln_2(x))


class Transformer(nn.Module):
    def __init__(self, width, layers, heads, attn_mask=None):
        super().__init__()
        self.resblocks = nn.Sequential(*[ResidualAttentionBlock(width, heads, attn_mask) for _ in range(layers)])

    def forward(self, x):
        return self.resblocks(x)


def count_blocks(state, prefix):
    return len({k[len(prefix):].split(".")[0] for k in state if k.startswith(prefix)})


class VisionTransformer(nn.Module):
    def __init__(self, state):
        super().__init__()
        width, _, patch, _ = state["conv1.weight"].shape
        grid = int(math.isqrt(state["positional_embedding"].shape[0] - 1))
        self.resolution = patch * grid
        self.conv1 = nn.Conv2d(3, width, patch, patch, bias=False)
        self.class_embedding = nn.Parameter(torch.empty(width))
        self.positional_embedding = nn.Parameter(torch.empty(grid * grid + 1, width))
        self.ln_pre = nn.LayerNorm(width)
        self.transformer = Transformer(width, count_blocks(state, "transformer.resblocks."), width // 64)
        self.ln_post = nn.LayerNorm(width)
        self.proj = nn.Parameter(torch.empty(state["proj"].shape))
        self.load_state_dict(state)

    def forward(self, x):
        x = self.conv1(x).flatten(2).permute(0, 2, 1)
        cls = self.class_embedding + torch.zeros(x.shape[0], 1, x.shape[-1], dtype=x.dtype)
        x = self.ln_pre(torch.cat([cls, x], dim=1) + self.positional_embedding)
        x = self.transformer(x.permute(1, 0, 2)).permute(1, 0, 2)
        return self.ln_post(x[:, 0, :]) @ self.proj


def text_features(state):
    """Class directions [C, D] from the prompt learner and the text encoder (section 2)."""
    text = sub(state, "text_encoder.")
    width = text["positional_embedding"].shape[1]
    length = text["positional_embedding"].shape[0]
    mask = torch.full((length, length), float("-inf")).triu_(1)
    transformer = Transformer(width, count_blocks(text, "transformer.resblocks."), width // 64, mask)
    transformer.load_state_dict(sub(text, "transformer."))
    ln_final = nn.LayerNorm(width)
    ln_final.load_state_dict(sub(text, "ln_final."))
    prefix, suffix = state["prompt_learner.token_prefix"], state["prompt_learner.token_suffix"]
    ctx = state["prompt_learner.ctx"]
    if ctx.dim() == 2:
        ctx = ctx.unsqueeze(0).expand(prefix.shape[0], -1, -1)
    prompts = torch.cat([prefix, ctx, suffix], dim=1)
    # The end token's row: the first suffix row equal to its embedding (section 2).
    end_embedding = state["token_embedding.weight"][END_OF_TEXT]
    end = (suffix == end_embedding).all(-1).float().argmax(-1) + 1 + ctx.shape[1]
    x = transformer((prompts + text["positional_embedding"]).permute(1, 0, 2)).permute(1, 0, 2)
    x = ln_final(x)
    return x[torch.arange(x.shape[0]), end] @ text["text_projection"]


# --- Temporal model (section 4)
class ChanNorm(nn.Module):
    def __init__(self, g, b):
        super().__init__()
        self.g, self.b = g, b

    def forward(self, x):
        std = torch.var(x, dim=1, unbiased=False, keepdim=True).sqrt()
        mean = torch.mean(x, dim=1, keepdim=True)
        return (x - mean) / (std + 1e-5) * self.g + self.b


def feed_forward(p):
    width = p["1.weight"].shape[1]
    net = nn.Sequential(ChanNorm(p["0.g"], p["0.b"]), nn.Conv2d(width, 4 * width, 3, padding=1), nn.LeakyReLU(0.01),
                        nn.Conv2d(4 * width, width, 3, padding=1))
    net[1].load_state_dict({"weight": p["1.weight"], "bias": p["1.bias"]})
    net[3].load_state_dict({"weight": p["3.weight"], "bias": p["3.bias"]})
    return net


class AxialAttention(nn.Module):
    """Pre-norm multi-head self-attention along one axis (2: segments, 3: frames) of [B, E, N, L]."""

    def __init__(self, p, axis, heads=8):
        super().__init__()
        width = p["norm.weight"].shape[0]
        self.axis, self.heads = axis, heads
        self.norm = nn.LayerNorm(width)
        self.norm.load_state_dict(sub(p, "norm."))
        self.to_q = nn.Linear(width, width, bias=False)
        self.to_kv = nn.Linear(width, 2 * width, bias=False)
        self.to_out = nn.Linear(width, width)
        for name in ("to_q", "to_kv", "to_out"):
            getattr(self, name).load_state_dict(sub(p, "fn." + name + "."))

    def forward(self, x):
        axial = x.permute(0, 3, 2, 1) if self.axis == 2 else x.permute(0, 2, 3, 1)
        shape = axial.shape
        t = self.norm(axial.reshape(-1, shape[2], shape[3]))
        b, n, e = t.shape
        d = e // self.heads
        k, v = self.to_kv(t).chunk(2, dim=-1)
        q, k, v = (y.reshape(b, n, self.heads, d).transpose(1, 2) for y in (self.to_q(t), k, v))
        attn = torch.softmax(q @ k.transpose(-2, -1) * d ** -0.5, dim=-1)
        y = self.to_out((attn @ v).transpose(1, 2).reshape(b, n, e)).reshape(shape)
        return y.permute(0, 3, 2, 1) if self.axis == 2 else y.permute(0, 3, 1, 2)


class TemporalModel(nn.Module):
    def __init__(self, p):
        super().__init__()
        self.projection = nn.Linear(*reversed(p["projection.weight"].shape))
        self.projection.load_state_dict(sub(p, "projection."))
        self.pos0, self.pos1 = p["axial_attn.pos_emb.param_0"], p["axial_attn.pos_emb.param_1"]
        blocks = sub(p, "axial_attn.layers.blocks.")
        self.blocks = []
        for b in range(count_blocks(blocks, "")):
            if b % 2 == 0:
                f, g = AxialAttention(sub(blocks, f"{b}.f.net.fn."), 2), AxialAttention(sub(blocks, f"{b}.g.net.fn."), 3)
            else:
                f, g = feed_forward(sub(blocks, f"{b}.f.net.")), feed_forward(sub(blocks, f"{b}.g.net."))
            self.blocks.append((f, g))
        width = p["projection.weight"].shape[0]
        self.norm = nn.LayerNorm(width)
        self.norm.load_state_dict(sub(p, "classifier.layer_norm."))
        self.linear = nn.Linear(width, 1)
        self.linear.load_state_dict(sub(p, "classifier.linear."))

    def forward(self, frames):  # [B, N*L, in] -> [B, N*L]
        batch = frames.shape[0]
        x = self.projection(frames).view(batch, SEGMENTS, FRAMES_PER_SEGMENT, -1).permute(0, 3, 1, 2)
        x = x + self.pos0 + self.pos1
        x1 = x2 = x
        for f, g in self.blocks:  # reversible: y1 = x1 + f(x2), y2 = x2 + g(y1)
            x1 = x1 + f(x2)
            x2 = x2 + g(x1)
        x = ((x1 + x2) / 2).permute(0, 2, 3, 1).reshape(batch, WINDOW, -1)
        return torch.sigmoid(self.linear(self.norm(x))).squeeze(-1)


class Head:
    """Selector and temporal model over a whole video's features (sections 3 to 5)."""

    def __init__(self, state, centroid, normal_id):
        self.centroid, self.normal_id = centroid, normal_id
        t = text_features(state)
        self.text = t
        t = torch.cat([t[:normal_id], t[normal_id + 1:]]) - centroid
        self.directions = t / t.norm(dim=-1, keepdim=True)
        self.bn_mean = state["selector_model.bn_layer.running_mean"]
        self.bn_var = state["selector_model.bn_layer.running_var"]
        temporal = sub(state, "temporal_model.")
        self.concat = temporal["projection.weight"].shape[1] != centroid.shape[0]
        self.temporal = TemporalModel(temporal)

    def __call__(self, features):
        frames = features.shape[0]
        centred = features - self.centroid
        logits = (centred @ self.directions.T - self.bn_mean) / torch.sqrt(self.bn_var + 1e-5)
        inputs = torch.cat([logits, centred], dim=-1) if self.concat else centred
        padded = math.ceil(frames / WINDOW) * WINDOW
        s = padded // WINDOW
        windows = inputs[torch.arange(padded) % frames].view(SEGMENTS, s, FRAMES_PER_SEGMENT, -1)
        windows = windows.permute(1, 0, 2, 3).reshape(s, WINDOW, -1)
        scores = self.temporal(windows).view(s, SEGMENTS, FRAMES_PER_SEGMENT).permute(1, 0, 2).reshape(-1)[:frames]
        probs = torch.softmax(logits, dim=-1) * scores.unsqueeze(-1)
        probs = torch.cat([probs[:, :self.normal_id], (1 - scores).unsqueeze(-1), probs[:, self.normal_id:]], dim=-1)
        return scores, probs


def preprocess(resolution):
    # CLIP's own transform: bicubic resize of the shorter side, centre crop, normalise.
    return transforms.Compose([
        transforms.Resize(resolution, interpolation=transforms.InterpolationMode.BICUBIC),
        transforms.CenterCrop(resolution),
        transforms.ToTensor(),
        transforms.Normalize((0.48145466, 0.4578275, 0.40821073), (0.26862954, 0.26130258, 0.27577711)),
    ])


def check(golden, normal_id):
    """Compares this script with the golden reference outputs; exits non-zero when it differs."""
    state = load_state_dict(f"{golden}/last.ckpt")
    centroid = torch.load(f"{golden}/ncentroid.pt").float()
    with torch.no_grad():
        encoder = VisionTransformer(sub(state, "image_encoder.")).eval()
        head = Head(state, centroid, normal_id)
        worst = {}
        frames = torch.from_numpy(np.load(f"{golden}/frames_preprocessed.npy"))
        worst["image_features"] = (encoder(frames) - torch.from_numpy(np.load(f"{golden}/image_features.npy"))).abs().max()
        worst["text_features"] = (head.text - torch.from_numpy(np.load(f"{golden}/text_features.npy"))).abs().max()
        pre = preprocess(encoder.resolution)
        rgb = np.load(f"{golden}/frames_rgb.npy")
        mine = torch.stack([pre(Image.fromarray(f)) for f in rgb])
        worst["preprocessing (mean)"] = (mine - frames).abs().mean()
        for t in sorted(int(p.name[5:-13]) for p in pathlib.Path(golden).glob("video*_features.npy")):
            features = torch.from_numpy(np.load(f"{golden}/video{t}_features.npy"))
            scores, probs = head(features)
            worst[f"video{t} scores"] = (scores - torch.from_numpy(np.load(f"{golden}/video{t}_scores.npy"))).abs().max()
            worst[f"video{t} p(c)"] = (probs - torch.from_numpy(np.load(f"{golden}/video{t}_class_probs.npy"))).abs().max()
    failed = False
    for name, value in worst.items():
        limit = 0.02 if "preprocessing" in name else 1e-4
        ok = float(value) <= limit
        failed |= not ok
        print(f"{name:24s} max |diff| {float(value):.2e} (limit {limit:g}) {'ok' if ok else 'DIFFERENT'}")
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint")
    parser.add_argument("--centroid")
    parser.add_argument("--normal-id", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--out")
    parser.add_argument("--features-out")
    parser.add_argument("--check")
    parser.add_argument("video", nargs="?")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.check:
        return check(args.check, args.normal_id)

    times = OrderedDict()
    start = time.perf_counter()
    times["imports"] = start - PROCESS_START
    state = load_state_dict(args.checkpoint)
    centroid = torch.load(args.centroid).float()
    with torch.no_grad():
        encoder = VisionTransformer(sub(state, "image_encoder.")).eval()
        times["load"] = time.perf_counter() - start
        start = time.perf_counter()
        head = Head(state, centroid, args.normal_id)
        times["prompts"] = time.perf_counter() - start
        pre = preprocess(encoder.resolution)
        features, batch = [], []
        decode = prep = encode = 0.0
        first_batch = None
        with av.open(args.video) as container:
            frames = container.decode(video=0)
            while True:
                t0 = time.perf_counter()
                frame = next(frames, None)
                image = frame.to_image() if frame is not None else None
                t1 = time.perf_counter()
                decode += t1 - t0
                if image is not None:
                    batch.append(pre(image))
                    prep += time.perf_counter() - t1
                if batch and (len(batch) == args.batch or image is None):
                    t2 = time.perf_counter()
                    if first_batch is None:
                        first_batch = t2 - PROCESS_START
                    features.append(encoder(torch.stack(batch)))
                    encode += time.perf_counter() - t2
                    batch = []
                if image is None:
                    break
        features = torch.cat(features)
        times.update(decode=decode, preprocess=prep, encode=encode)
        start = time.perf_counter()
        scores, probs = head(features)
        times["head"] = time.perf_counter() - start
    start = time.perf_counter()
    if args.out:
        with open(args.out, "w") as out:
            for i in range(scores.shape[0]):
                out.write(f"{i},{scores[i]:.6f}," + ",".join(f"{p:.6f}" for p in probs[i].tolist()) + "\n")
    if args.features_out:
        np.save(args.features_out, features.numpy())
    times["write"] = time.perf_counter() - start
    total = time.perf_counter() - PROCESS_START
    n = features.shape[0]
    for name, value in times.items():
        print(f"{name:12s} {value:8.2f} s", file=sys.stderr)
    print(f"first batch  {first_batch:8.2f} s after start", file=sys.stderr)
    print(f"total        {total:8.2f} s, {n} frames, encoder {n / encode:.2f} frames/s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
