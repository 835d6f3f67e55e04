"""The doctor's findings say English (the command line prints them) and keep their templates,
so the app's note says them in the interface's language."""

from bpstudio.core.doctor_curves import overfitting
from bpstudio.core.doctor_findings import NOTHING, Evidence, Finding, listed, words
from bpstudio.core.trainer import History


def marking(context: str, text: str) -> str:
    """A stand-in translator: every template of the doctor's context in «»."""
    assert context == "Doctor"
    return f"«{text}»" if text else text


def test_words_are_english_and_said_through_a_translator_nested_and_listed():
    inner = words("{n} of {m}", n=3, m=4)
    sentence = words("seen: {parts}{rate}.", parts=listed([inner, words("all")]), rate=NOTHING)
    assert str(sentence) == "seen: 3 of 4; all."
    assert sentence.said(marking) == "«seen: ««3 of 4»; «all»».»"  # "; " translated too
    assert NOTHING.said(marking) == ""


def test_a_rules_finding_keeps_its_words_and_a_plain_one_its_texts():
    history = History()
    for epoch in range(1, 121):
        test = 1.0 if epoch < 20 else 1.0 + 0.02 * (epoch - 20)
        history.append(epoch, 2.0 / epoch, test)
    finding = overfitting(Evidence(history))
    assert finding is not None
    seen, _advice = finding.said(marking)
    assert seen == finding.seen.said(marking) and seen.startswith("«The test loss rose")
    assert (finding.seen, finding.advice) == finding.said()
    plain = Finding("x", "info", "seen", "advice", "guide.md#x")
    assert plain.said(marking) == ("seen", "advice")
