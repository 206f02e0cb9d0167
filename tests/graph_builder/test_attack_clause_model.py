"""The shipped attack-clause model: file schema, determinism, clear cases either side of the threshold, no sklearn.

The example sentences are written for this test (not taken from the training data), each a clear case, so a
retrained model that gets one wrong has lost something a reviewer would call obvious.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from graph_builder.models.attack_clause import (
    DEFAULT_PATH,
    SCHEMA_VERSION,
    AttackClauseModel,
    load_model,
    model_from_json,
)
from graph_builder.text.normalize import normalize
from graph_builder.text.tokens import tokenize

ATTACKS = {
    "car bomb in a market": "قتل خمسة أشخاص وأصيب عشرون آخرون بانفجار سيارة مفخخة في سوق شعبي وسط بغداد صباح اليوم.",
    "assassination by gunmen": "اغتال مسلحون مجهولون ضابطا في الشرطة العراقية بإطلاق النار عليه أمام منزله في الموصل.",
    "kidnapping": "خطف مسلحون مهندسا يعمل في شركة نفطية على الطريق بين كركوك وبغداد مساء الاثنين.",
    "drone strike": "استهدفت طائرة مسيرة سيارة تقل قياديين في فصيل مسلح قرب مطار بغداد الدولي مما أدى إلى مقتلهم.",
    "rockets on a base": "سقطت ثلاثة صواريخ كاتيوشا على قاعدة عين الأسد الجوية التي تستضيف قوات أمريكية"
                         " في محافظة الأنبار.",
    "artillery shelling": "قصفت المدفعية التركية قرى في إقليم كردستان العراق وأسفر القصف عن مقتل مدنيين.",
    "suicide bombing": "فجر انتحاري حزامه الناسف وسط حشد من المصلين في كربلاء ما أسفر عن سقوط عشرات القتلى والجرحى.",
}
NON_ATTACKS = {
    "economy": "ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار منظمة أوبك خفض الإنتاج.",
    "football": "فاز المنتخب العراقي لكرة القدم على نظيره السوري بهدفين مقابل هدف واحد في المباراة التي أقيمت"
                " في البصرة.",
    "military exercise": "نفذت القوات المسلحة مناورات عسكرية مشتركة بالذخيرة الحية لرفع الجاهزية القتالية.",
    "statistics": "أظهرت بيانات وزارة التخطيط أن نسبة البطالة بين الشباب بلغت خمسة عشر بالمئة خلال العام الماضي.",
    "official visit": "التقى رئيس الوزراء وفدا من رجال الأعمال لبحث سبل تعزيز الاستثمار في قطاع الطاقة.",
    "figurative attack": "شن النائب هجوما إعلاميا عنيفا على الحكومة واتهمها بالفساد.",
    "figurative assassination": "وصف المحلل الاتفاق بأنه اغتيال سياسي للعملية الديمقراطية.",
}
SHORT_CLAUSES = {"car bomb exploded": "انفجرت سيارة مفخخة", "gunmen killed three": "قتل مسلحون ثلاثة أشخاص"}


@pytest.fixture(scope="module")
def model() -> AttackClauseModel:
    return load_model()


def test_shipped_file_has_the_documented_schema() -> None:
    raw = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    assert raw["schema"] == SCHEMA_VERSION
    assert {"version", "bias", "threshold", "features", "metadata", "weights"} <= raw.keys()
    assert 0.0 < raw["threshold"] < 1.0
    assert isinstance(raw["bias"], float)
    assert raw["weights"] and all(isinstance(k, str) and isinstance(v, float) for k, v in raw["weights"].items())
    assert all(k[:2] in ("s:", "b:") or k.startswith("c") for k in raw["weights"])
    assert set(raw["features"]) == {"stems", "bigrams", "char_ngrams"}
    cv = raw["metadata"]["cv"]
    assert cv["folds"] == 5 and cv["at_threshold"]["threshold"] == raw["threshold"]
    assert DEFAULT_PATH.stat().st_size < 300 * 1024


def test_a_file_of_another_schema_is_refused() -> None:
    raw = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    raw["schema"] = SCHEMA_VERSION + 1
    with pytest.raises(ValueError, match="schema"):
        model_from_json(raw)


def test_scores_are_deterministic_and_order_free(model: AttackClauseModel) -> None:
    texts = [*ATTACKS.values(), *NON_ATTACKS.values()]
    first = [model.score(t) for t in texts]
    again = [model.score(t) for t in reversed(texts)][::-1]
    reloaded = load_model()
    assert first == again == [reloaded.score(t) for t in texts]
    assert all(0.0 < p < 1.0 for p in first)


def test_tokens_and_text_give_the_same_score(model: AttackClauseModel) -> None:
    text = ATTACKS["car bomb in a market"]
    assert model.score(tokenize(normalize(text).text)) == model.score(text)


def test_json_round_trip_keeps_scores(model: AttackClauseModel) -> None:
    copy = model_from_json(json.loads(json.dumps(model.to_json())))
    for text in ATTACKS.values():
        assert copy.score(text) == model.score(text)


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_clear_attacks_reach_the_threshold(model: AttackClauseModel, name: str) -> None:
    text = ATTACKS[name]
    assert model.decide(text), (name, model.score(text), model.explain(text))


@pytest.mark.parametrize("name", sorted(SHORT_CLAUSES))
def test_short_attack_clauses_reach_the_threshold(model: AttackClauseModel, name: str) -> None:
    """The lead scores clauses too: a few words with no sentence around them must still pass."""
    text = SHORT_CLAUSES[name]
    assert model.decide(text), (name, model.score(text), model.explain(text))


@pytest.mark.parametrize("name", sorted(NON_ATTACKS))
def test_clear_non_attacks_stay_below(model: AttackClauseModel, name: str) -> None:
    text = NON_ATTACKS[name]
    assert not model.decide(text), (name, model.score(text), model.explain(text))


def test_attacks_outrank_non_attacks(model: AttackClauseModel) -> None:
    assert min(map(model.score, ATTACKS.values())) > max(map(model.score, NON_ATTACKS.values()))


def test_explain_names_the_weighted_features(model: AttackClauseModel) -> None:
    top = model.explain(ATTACKS["car bomb in a market"], top=3)
    assert len(top) == 3 and all(f in model.weights for f, _ in top)
    assert abs(top[0][1]) >= abs(top[-1][1])


def test_inference_runs_without_scikit_learn_or_numpy() -> None:
    """Block both packages in a fresh interpreter: loading and scoring must not reach for them."""
    code = (
        "import sys\n"
        "sys.modules['sklearn'] = None\n"
        "sys.modules['numpy'] = None\n"
        "from graph_builder.models.attack_clause import load_model\n"
        "m = load_model()\n"
        f"print(m.decide({ATTACKS['drone strike']!r}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"
