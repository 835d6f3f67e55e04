from bpstudio.core.digits import sub, sup


def test_digits_are_written_small_for_labels():
    assert f"W{sub(12)}" == "W₁₂"
    assert f"10{sup(-4)}" == "10⁻⁴"
    assert sub(0) + sup(0) == "₀⁰"
