"""Refusals keep their English message and the template and values behind it, so the GUI can
say them in Chinese; words built by a translate function are English without one."""

import pickle

import pytest

from bpstudio.core.phrase import Phrase
from bpstudio.core.stopping import Stopped, StopReason
from bpstudio.core.translatable import Refusal
from bpstudio.limit_checks import check_layers
from bpstudio.session import DataSpec, NetworkSpec


def fake_chinese(context: str, text: str) -> str:
    """A stand-in translator: marks every text it was asked for, by context."""
    return {"Limits": {"{field}: at most {limit} {what}, got {value}; {fix}":
                       "{field}：最多 {limit} {what}，实际为 {value}；{fix}",
                       "use fewer hidden layers": "请减少隐藏层"}}.get(context, {}).get(text, text)


def test_a_refusal_reads_as_the_english_message_and_keeps_its_words():
    with pytest.raises(Refusal) as refused:
        check_layers("hidden", 10**6)
    message = str(refused.value)
    assert message.startswith("hidden: at most ") and message.endswith("use fewer hidden layers")
    said = refused.value.words.said(fake_chinese, field="隐藏层")
    assert said.startswith("隐藏层：最多 ") and said.endswith("；请减少隐藏层"), said
    assert isinstance(refused.value, ValueError)


def test_nested_words_are_said_in_the_same_language():
    with pytest.raises(Refusal) as refused:
        DataSpec("spiral", {"n": 1}).load()
    assert str(refused.value) == ("n: must be a whole number >= 2 (at least one point for each "
                                  "of the 2 classes), got 1")
    marked = refused.value.words.said(lambda context, text: f"[{text}]")  # texts asked for
    assert marked == ("[[n]: must be a whole number >= 2 ([at least one point for each of the 2 "
                      "classes]), got [1]]")


def test_a_refusal_survives_pickling_as_a_sweeps_workers_send_it():
    with pytest.raises(Refusal) as refused:
        NetworkSpec(hidden=()).check_size(10**4, 10**4)
    again = pickle.loads(pickle.dumps(refused.value))
    assert str(again) == str(refused.value) and again.words.values == refused.value.words.values


def test_a_phrase_is_its_english_and_says_itself_in_another_language():
    inner = Phrase("{c}!", c="x")
    phrase = Phrase("{a} and {b}", a=1, b=inner)
    assert phrase == "1 and x!" and isinstance(phrase, str)
    assert phrase.said() == "1 and x!"
    chinese = {"{a} and {b}": "{a} 和 {b}", "{c}!": "{c}！", "x": "叉"}
    said = phrase.said(lambda context, text: chinese.get(text, text) if context == "Ctx"
                       else text, "Ctx")
    assert said == "1 和 叉！"  # the template, the inner phrase and its text value
    own = Phrase("{a}", "Own", a="word")
    assert own.said(lambda context, text: f"{context}:{text}", "Shown") == "Own:Own:word"
    again = pickle.loads(pickle.dumps(own))
    assert (again, again.template, again.context, again.values) == ("word", "{a}", "Own",
                                                                    {"a": "word"})


def test_the_stopping_words_take_a_translator():
    stopped = Stopped(StopReason.EARLY_STOPPING, 30, best_epoch=10, best_loss=0.1,
                      restored=True)
    assert stopped.words() == ("Stopped at epoch 30: early stopping: the test loss stopped "
                               "improving; best test loss 0.1 at epoch 10 (its weights "
                               "restored)")
    assert stopped.words(lambda context, text: f"<{text}>").startswith(
        "<Stopped at epoch 30: <early stopping: the test loss stopped improving>>")
